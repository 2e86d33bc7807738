package dev.jimeng.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completer inside a real LineReader: what TAB actually inserts into the line. */
class ShellCompleterLineReaderTest {
    @TempDir
    Path dir;

    private List<String> lastWords;

    private String typeAndTab(String keys) throws IOException {
        byte[] input = (keys + "\r").getBytes(StandardCharsets.UTF_8);
        try (Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .type("xterm")
                .streams(new ByteArrayInputStream(input), new ByteArrayOutputStream())
                .build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .parser(new DefaultParser())
                    .completer(new ShellCompleter(
                            TestCommands.tree(),
                            new CompletionSources(
                                    () -> "t2v_720p", () -> List.of(new JobIdCandidate("7f3a9", "a dog")), dir, dir)))
                    // without this readLine strips the backslashes TAB inserted (history event expansion)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            String line = reader.readLine("> ");
            lastWords = reader.getParsedLine().words();
            return line;
        }
    }

    @Test
    void tabAfterASpaceSeparatedOptionInsertsTheOnlyMatchingValue() throws IOException {
        assertThat(typeAndTab("generate --mode i2v_rec\t")).isEqualTo("generate --mode i2v_recamera_720p ");
        assertThat(typeAndTab("status 7\t")).isEqualTo("status 7f3a9 ");
    }

    @Test
    void aFolderWithASpaceIsInsertedEscapedAndWithoutATrailingSpace() throws IOException {
        Files.createDirectories(dir.resolve("day one"));
        Files.writeString(dir.resolve("day one/noon.png"), "x");

        assertThat(typeAndTab("generate --image da\t")).isEqualTo("generate --image day\\ one/");
        assertThat(typeAndTab("generate --image da\t\t")).isEqualTo("generate --image day\\ one/noon.png ");
        assertThat(lastWords).containsExactly("generate", "--image", "day one/noon.png");
    }
}
