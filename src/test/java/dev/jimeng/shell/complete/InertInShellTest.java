package dev.jimeng.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.cli.Cli;
import dev.jimeng.cli.JimengCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The table of options that do nothing in the shell, against jimeng's real command tree. */
class InertInShellTest {
    private static final CommandLine TREE = Cli.commandLine(
            new JimengCommand(
                    cmd -> {
                        throw new IllegalStateException("completion builds no app");
                    },
                    cmd -> 0),
            new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter()));

    @Test
    void everyOptionTheTableNamesExistsWithTheOptionsThatGiveItAMeaning() {
        InertInShell.OPTIONS.forEach((command, options) -> {
            CommandSpec spec = TREE.getSubcommands().get(command).getCommandSpec();
            for (Map.Entry<String, Set<String>> e : options.entrySet()) {
                assertThat(spec.findOption(e.getKey()))
                        .as(command + " " + e.getKey())
                        .isNotNull();
                e.getValue().forEach(giver -> assertThat(spec.findOption(giver))
                        .as(command + " " + giver)
                        .isNotNull());
            }
        });
    }

    @Test
    void jsonIsOfferedInTheShellOnlyWhereItPrintsSomething() throws IOException {
        assertThat(offered("generate --")).doesNotContain("--json").contains("--wait", "--dry-run");
        assertThat(offered("generate --dry-run --")).contains("--json");
        assertThat(offered("generate --wait --")).contains("--json");
        assertThat(offered("attach k3f9a2b1 --")).doesNotContain("--json");
        assertThat(offered("rerun a.mp4 --")).doesNotContain("--json");
        assertThat(offered("jobs --")).contains("--json");
        assertThat(offered("wait --")).contains("--json");
        assertThat(offered("generate --")).doesNotContain("--sandbox", "--verbose", "--color", "--profile");
    }

    private static List<String> offered(String line) throws IOException {
        ShellCompleter completer =
                new ShellCompleter(TREE, new CompletionSources(() -> "t2v_720p", List::of, Path.of("/"), Path.of("/")));
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        try (DumbTerminal terminal =
                new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            completer.complete(LineReaderBuilder.builder().terminal(terminal).build(), parsed, candidates);
        }
        String typed = parsed.word().substring(0, parsed.wordCursor());
        return candidates.stream()
                .map(Candidate::value)
                .filter(v -> v.startsWith(typed))
                .toList();
    }
}
