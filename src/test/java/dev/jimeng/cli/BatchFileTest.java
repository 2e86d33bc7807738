package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.request.GenerationRequest;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a batch file: where it stops, and what a JSON line's keys become. */
class BatchFileTest {
    private static final GenerationRequest NO_DEFAULTS =
            new GenerationRequest(null, null, null, null, null, List.of(), null, null, null);

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
}
