package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What one in-process run of the CLI left behind: its exit code and everything it printed. */
record CliRun(int exitCode, String stdout, String stderr) {

    /** The line a one-shot command prints the moment the server accepts a task (before the journal). */
    static final String ACCEPTED = "jimeng: task \\S+ accepted for job \\S+";

    /** Stderr's lines, without the empty tail after the last newline. */
    List<String> allStderrLines() {
        return stderr.isEmpty() ? List.of() : List.of(stderr.split("\\R"));
    }

    /** Stderr's lines but the "task … accepted" ones, without the empty tail after the last newline. */
    List<String> stderrLines() {
        return allStderrLines().stream().filter(l -> !l.matches(ACCEPTED)).toList();
    }

    /** Stderr without the "task … accepted" lines. */
    String stderrBesidesAccepted() {
        return String.join("\n", stderrLines());
    }

    /** The one line a failure prints on stderr; fails the test if there is not exactly one. */
    String onlyErrorLine() {
        assertThat(stderrLines()).as("stderr of %s", this).hasSize(1);
        assertThat(stderr).endsWith("\n");
        return stderrLines().getFirst();
    }
}
