package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * When the jobs still in the local queue should be done: each waits, in queue order, for the first of the
 * server slots to come free (the jobs at the server finish at their mode's typical duration), then takes its
 * own mode's typical duration. A job of a mode with no history gets no forecast, nor do those behind it.
 */
final class QueueForecast {
    private QueueForecast() {}

    /** Time left until done, by job id, for every queued job that can be forecast. */
    static Map<String, Duration> untilDone(
            Collection<JobSnapshot> jobs, Instant now, Function<String, Optional<Duration>> typicalByMode, int slots) {
        Map<String, Duration> left = new HashMap<>();
        List<JobSnapshot> queued = jobs.stream()
                .filter(j -> j.state() == JobState.QUEUED)
                .sorted(Comparator.comparing(JobSnapshot::createdAt).thenComparing(JobSnapshot::id))
                .toList();
        if (queued.isEmpty()) {
            return left;
        }
        PriorityQueue<Duration> slotsFree = new PriorityQueue<>();
        for (JobSnapshot j : jobs) {
            if (atServer(j.state())) {
                Optional<Duration> typical = typicalByMode.apply(j.request().mode());
                Duration gone = Duration.between(j.createdAt(), now);
                slotsFree.add(typical.map(t -> t.minus(gone))
                        .filter(d -> !d.isNegative())
                        .orElse(Duration.ZERO));
            }
        }
        while (slotsFree.size() < Math.max(1, slots)) {
            slotsFree.add(Duration.ZERO);
        }
        for (JobSnapshot j : queued) {
            Optional<Duration> typical = typicalByMode.apply(j.request().mode());
            if (typical.isEmpty()) {
                break; // nothing known of this one, so nothing of those behind it
            }
            Duration done = slotsFree.poll().plus(typical.get());
            left.put(j.id(), done);
            slotsFree.add(done);
        }
        return left;
    }

    private static boolean atServer(JobState state) {
        return state == JobState.SUBMITTING || state == JobState.IN_QUEUE || state == JobState.GENERATING;
    }
}
