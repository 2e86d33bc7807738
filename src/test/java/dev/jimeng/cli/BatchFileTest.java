package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.request.GenerationRequest;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a batch file: where it stops, and what a JSON line's keys become. */
class BatchFileTest {
    private static final GenerationRequest NO_DEFAULTS =
            new GenerationRequest(null, null, null, null, null, List.of(), null, null, null);

    /** An endless file of prompts that counts the characters read from it. */
    private static final class EndlessPrompts extends Reader {
        private static final String LINE = "a red fox\n";
        long served;

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = LINE.charAt((int) (served++ % LINE.length()));
            }
            return length;
        }

        @Override
        public void close() {}
    }

    @Test
    void readingStopsOneJobPastTheLimit() throws Exception {
        EndlessPrompts endless = new EndlessPrompts();

        BatchFile.Read read = BatchFile.read(new BufferedReader(endless), Path.of("/tmp"), NO_DEFAULTS, 1000);

        assertThat(read.overLimit()).isTrue();
        assertThat(read.entries()).hasSize(1000);
        assertThat(endless.served).as("characters read").isLessThan(1001 * 10 + 8192 * 2);
    }

    @Test
    void exactlyTheLimitIsNotOverIt() throws Exception {
        BatchFile.Read read = BatchFile.read(
                new BufferedReader(new java.io.StringReader("a\n# note\n\nb\nc\n")), Path.of("/tmp"), NO_DEFAULTS, 3);

        assertThat(read.overLimit()).isFalse();
        assertThat(read.entries()).extracting(BatchFile.Entry::line).containsExactly(1, 4, 5);
    }

    @Test
    void aJsonLinesKeysWinAndRelativeImagesResolveAgainstTheFilesFolder() throws Exception {
        GenerationRequest defaults =
                new GenerationRequest("t2v_1080p", null, 10, null, "21:9", List.of(), 3L, null, null);
        String line = "{\"prompt\":\"fox\",\"mode\":\"i2v_first_720p\",\"image\":\"shots/a.png\",\"seed\":7}";

        BatchFile.Read read = BatchFile.read(
                new BufferedReader(new java.io.StringReader(line)), Path.of("/data/batch"), defaults, 10);

        BatchFile.Entry entry = read.entries().getFirst();
        assertThat(entry.problems()).isEmpty();
        assertThat(entry.request())
                .isEqualTo(new GenerationRequest(
                        "i2v_first_720p", "fox", 10, null, "21:9", List.of("/data/batch/shots/a.png"), 7L, null, null));
    }

    @Test
    void wrongTypesAreProblemsAndTheirKeysAreLeftOut() throws Exception {
        String line = "{\"prompt\":5,\"duration\":\"10\",\"fps\":24.5,\"seed\":-1}";

        BatchFile.Entry entry = BatchFile.read(
                        new BufferedReader(new java.io.StringReader(line)), Path.of("/tmp"), NO_DEFAULTS, 10)
                .entries()
                .getFirst();

        assertThat(entry.problems())
                .extracting(BatchFile.Problem::message)
                .containsExactly(
                        "'prompt' must be text in quotes, not 5",
                        "'duration' must be a number without quotes, not \"10\"",
                        "'fps' must be a whole number, not 24.5");
        assertThat(entry.request().prompt()).isNull();
        assertThat(entry.request().durationSeconds()).isNull();
        assertThat(entry.request().seed()).isEqualTo(-1L);
    }

    @Test
    void anOptionWrittenIntoAPlainLineIsAProblemThatShowsTheJsonLine() throws Exception {
        String file = "a boat at dawn --duration 10\na fox --seed=7 --mode t2v_1080p in snow\n";

        List<BatchFile.Entry> entries = entries(file);

        assertThat(entries.get(0).problems())
                .extracting(BatchFile.Problem::message)
                .containsExactly("--duration is read as part of the prompt: a plain line is all prompt;"
                        + " to give a line its own options, write it as JSON: {\"prompt\":\"a boat at dawn\","
                        + "\"duration\":10}");
        assertThat(entries.get(1).problems())
                .extracting(BatchFile.Problem::message)
                .containsExactly("--seed and --mode are read as part of the prompt: a plain line is all prompt;"
                        + " to give a line its own options, write it as JSON: {\"prompt\":\"a fox in snow\","
                        + "\"seed\":7,\"mode\":\"t2v_1080p\"}");
    }

    @Test
    void dashesThatNameNoOptionStayPartOfThePrompt() throws Exception {
        String file = "a sign that reads --exit-- in neon\na -- pause -- then --duration-free talk\n";

        List<BatchFile.Entry> entries = entries(file);

        assertThat(entries).allSatisfy(e -> assertThat(e.problems()).isEmpty());
    }

    /** The entries of a batch file of these lines, read with no defaults. */
    private static List<BatchFile.Entry> entries(String file) throws java.io.IOException {
        return BatchFile.read(new BufferedReader(new java.io.StringReader(file)), Path.of("/tmp"), NO_DEFAULTS, 10)
                .entries();
    }
}
