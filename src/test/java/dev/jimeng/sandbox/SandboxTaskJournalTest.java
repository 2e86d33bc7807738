package dev.jimeng.sandbox;

import static dev.jimeng.sandbox.SandboxClient.T2V;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTaskJournalTest {
    private final ManualClock clock = new ManualClock();

    @TempDir
    Path dir;

    @Test
    void aSandboxRestartedOnTheSameJournalStillKnowsItsTasks() throws Exception {
        Path journal = dir.resolve("tasks.jsonl");
        String taskId;
        try (SandboxServer first =
                SandboxServer.start(TestCache.config(clock).taskJournal(journal).build())) {
            taskId = new SandboxClient(first, clock).submitTask("a cat");
        }
        Files.writeString(journal, "{\"task_id\":\"cut short", java.nio.file.StandardOpenOption.APPEND);

        try (SandboxServer second =
                SandboxServer.start(TestCache.config(clock).taskJournal(journal).build())) {
            SandboxClient client = new SandboxClient(second, clock);
            assertThat(client.getResult(T2V, taskId).dataStatus()).isEqualTo("in_queue");
            clock.advance(Duration.ofSeconds(3));
            assertThat(client.getResult(T2V, taskId).dataStatus()).isEqualTo("done");
            assertThat(client.getResult(T2V, "7000000000000000001").dataStatus())
                    .isEqualTo("not_found");
        }
    }

    @Test
    void withoutAJournalARestartForgetsEverything() throws Exception {
        String taskId;
        try (SandboxServer first = SandboxServer.start(TestCache.config(clock).build())) {
            taskId = new SandboxClient(first, clock).submitTask("a cat");
        }
        try (SandboxServer second = SandboxServer.start(TestCache.config(clock).build())) {
            assertThat(new SandboxClient(second, clock).getResult(T2V, taskId).dataStatus())
                    .isEqualTo("not_found");
        }
    }
}
