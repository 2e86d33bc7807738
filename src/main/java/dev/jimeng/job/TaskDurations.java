package dev.jimeng.job;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.store.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one home of what the journal's history says about how long a task stays at the server (from
 * the accepted submit to the poll that saw it done): the typical time, for the ETAs the views show,
 * and the {@link ExpectedEnd} (a low estimate and the spread above it), which sets the {@link
 * PollSchedule}.
 */
final class TaskDurations {
    /** How many of the latest done jobs count. */
    static final int HISTORY = 30;

    /** The low estimate is this quantile: few tasks end before it, so polling before it is wasted. */
    private static final double LOW_QUANTILE = 0.1;

    /**
     * The spread reaches up to this quantile: the upper quartile, so that a few tasks seen late (a busy
     * machine) do not widen it.
     */
    private static final double SPREAD_QUANTILE = 0.75;

    /**
     * Fewer tasks tell no spread: one or two that ended close together say little of the next, and a
     * spread read from them would poll tasks that vary widely more often than they can pay for.
     */
    static final int SPREAD_MIN_TASKS = 3;

    private final JobStore store;

    TaskDurations(JobStore store) {
        this.store = store;
    }

    /** The mean time of the latest done jobs of {@code mode}, any length (the ETAs). */
    Optional<Duration> typical(String mode) {
        List<Duration> recent = store.recentGenerationTimes(mode, null, Capabilities.DEFAULT_DURATION, 20);
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        long totalMillis = recent.stream().mapToLong(Duration::toMillis).sum();
        return Optional.of(Duration.ofMillis(Math.round(totalMillis / (double) recent.size())));
    }

    /**
     * When tasks of {@code mode} and {@code seconds} of video end, from the latest ones (seconds null:
     * the default length). Empty without history.
     */
    Optional<ExpectedEnd> expectedEnd(String mode, Integer seconds) {
        int length = seconds == null ? Capabilities.DEFAULT_DURATION : seconds;
        return expectedEnd(store.recentGenerationTimes(mode, length, Capabilities.DEFAULT_DURATION, HISTORY));
    }

    /**
     * The {@link #LOW_QUANTILE} of {@code durations} and the spread above it, up to the {@link
     * #SPREAD_QUANTILE} (null with fewer than {@link #SPREAD_MIN_TASKS}); empty when there are none.
     */
    static Optional<ExpectedEnd> expectedEnd(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        Duration earliest = quantile(sorted, LOW_QUANTILE);
        Duration spread = sorted.size() < SPREAD_MIN_TASKS
                ? null
                : quantile(sorted, SPREAD_QUANTILE).minus(earliest);
        return Optional.of(new ExpectedEnd(earliest, spread));
    }

    /** The {@link #LOW_QUANTILE} of {@code durations} (nearest rank), empty when there are none. */
    static Optional<Duration> lowQuantile(List<Duration> durations) {
        return expectedEnd(durations).map(ExpectedEnd::earliest);
    }

    /** The {@code q} quantile of {@code sorted} (not empty), by nearest rank. */
    private static Duration quantile(List<Duration> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank));
    }
}
