package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What one in-process run of the CLI left behind: its exit code and everything it printed. */
record CliRun(int exitCode, String stdout, String stderr) {

    /** Stderr's lines, without the empty tail after the last newline. */
    List<String> stderrLines() {
        return stderr.isEmpty() ? List.of() : List.of(stderr.split("\\R"));
    }

    /** The one line a failure prints on stderr; fails the test if there is not exactly one. */
    String onlyErrorLine() {
        assertThat(stderrLines()).as("stderr of %s", this).hasSize(1);
        assertThat(stderr).endsWith("\n");
        return stderrLines().getFirst();
    }
}
