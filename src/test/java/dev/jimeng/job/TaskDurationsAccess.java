package dev.jimeng.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Lets the benchmarks use the history rules of {@link TaskDurations} without a journal. */
public final class TaskDurationsAccess {
    public static final int HISTORY = TaskDurations.HISTORY;

    private TaskDurationsAccess() {}

    public static Optional<ExpectedEnd> expectedEnd(List<Duration> durations) {
        return TaskDurations.expectedEnd(durations);
    }
}
