package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generate spread makes each task take its own time, drawn from a seed: the same seed, the same times. */
class SandboxSpreadTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration QUEUE = Duration.ofSeconds(1);
    private static final Duration GENERATE = Duration.ofSeconds(60);

    private static List<Instant> doneTimes(double spread, long seed) {
        TaskBoard board = new TaskBoard(QUEUE, GENERATE, Duration.ofHours(12), 100, TaskJournal.NONE, spread, seed);
        List<Instant> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SandboxTask task =
                    board.admit("key", T0, new VideoSpec(16, 16, 1), false).orElseThrow();
            done.add(board.doneAt(task.taskId()).orElseThrow()); // what SandboxServer.doneAt answers
            assertThat(board.status(task, task.doneAt(QUEUE, GENERATE).minusMillis(1)))
                    .isEqualTo(ServedStatus.GENERATING);
            assertThat(board.status(task, task.doneAt(QUEUE, GENERATE))).isEqualTo(ServedStatus.DONE);
        }
        assertThat(board.doneAt("7000000000000000000")).isEmpty();
        return done;
    }

    @Test
    void withoutASpreadEveryTaskTakesTheConfiguredTime() {
        assertThat(doneTimes(0, 1)).containsOnly(T0.plus(QUEUE).plus(GENERATE));
    }

    @Test
    void withASpreadTimesVaryAroundTheConfiguredOneAndRepeatForTheSameSeed() {
        List<Instant> first = doneTimes(0.2, 7);

        assertThat(first).doesNotHaveDuplicates();
        assertThat(first).isEqualTo(doneTimes(0.2, 7)).isNotEqualTo(doneTimes(0.2, 8));
        double meanSeconds = first.stream()
                        .mapToLong(t -> Duration.between(T0.plus(QUEUE), t).toMillis())
                        .average()
                        .orElseThrow()
                / 1000;
        assertThat(meanSeconds).isBetween(50.0, 70.0);
    }
}
