package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine starts after the first prompt is drawn: the journal's unfinished jobs are resumed in the
 * background and said as a notice under the first line, and a command typed meanwhile waits for them.
 */
class ShellEngineStartTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void unfinishedJobsAreResumedAfterTheFirstLineAndTheFirstCommandSeesThem() throws Exception {
        try (ShellHarness shell = new ShellHarness(dir)) {
            assertThat(shell.runCommand("submit", "a red fox")).isZero();
            String id = shell.out().strip();
            assertThat(id).matches("\\w{8}");

            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys, 1 << 16);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return shell.runOnDumbTerminal(in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            keys.write("jobs\n".getBytes(StandardCharsets.UTF_8)); // typed at once, before the engine is up
            keys.flush();
            Awaitility.await("the job listed and its notice")
                    .atMost(DEADLINE)
                    .until(() -> shell.out().contains("✔ " + id + " done")
                            && shell.out().lines().anyMatch(l -> l.startsWith(id + " ")));
            keys.close();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();

            String screen = shell.out();
            int banner = screen.indexOf("type help or press TAB");
            int resumed = screen.indexOf("jimeng: resumed 1 unfinished job(s) from the journal");
            assertThat(banner).as(screen).isPositive();
            assertThat(resumed).as(screen).isGreaterThan(banner);
            // a dumb terminal does not echo the typed line: the prompt, then what jobs printed
            assertThat(screen.indexOf("jimeng t2v_720p> ID ")).as(screen).isGreaterThan(banner);
        }
    }
}
