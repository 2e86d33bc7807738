package dev.jimeng.bench;

import dev.jimeng.job.ExpectedEnd;
import dev.jimeng.job.PollSchedule;
import dev.jimeng.job.TaskDurationsAccess;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The engine's poll schedule against a fixed interval, in virtual time: jobs of six kinds (mode and length)
 * whose typical times run from 30 s to 3 min, each job's time drawn around its kind's with a log-normal
 * spread (seeded). Each job is polled as {@code PollStep} does, by the real {@link PollSchedule} with the
 * expected end {@code TaskDurations} takes from the last 30 jobs of its kind, as they were seen done; the
 * fixed run polls at once and then every interval, as the engine does without history.
 */
final class PollingRun {
    static final List<Duration> KINDS = List.of(
            Duration.ofSeconds(30),
            Duration.ofSeconds(45),
            Duration.ofSeconds(60),
            Duration.ofSeconds(90),
            Duration.ofSeconds(120),
            Duration.ofSeconds(180));

    /** Per job: seconds from done at the server to seen done, and get-result calls. */
    record Policy(List<Double> latencySeconds, List<Integer> calls) {
        double callsPerJob() {
            return calls.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        double latencyMedian() {
            return Stats.of(latencySeconds).median();
        }

        /** The 95th percentile of latency, by nearest rank. */
        double latencyP95() {
            List<Double> sorted = latencySeconds.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
        }
    }

    record Result(int jobs, double spread, Duration fixedInterval, Policy fixed, Policy adaptive) {
        /** The adaptive schedule's get-result calls per job, as a part of the fixed poll's. */
        double callRatio() {
            return adaptive.callsPerJob() / fixed.callsPerJob();
        }

        /** Issue 15's aim: at most a third of the calls, at an equal or better median and p95 latency. */
        boolean callsMeetTheAim() {
            return callRatio() <= 1 / 3.0;
        }

        /** "latency median A vs B s, p95 C vs D s ✓": the schedule's against the fixed poll's. */
        String latencyAgainstFixed() {
            return String.format(
                    java.util.Locale.ROOT,
                    "latency median %.2f vs %.2f s, p95 %.2f vs %.2f s %s",
                    adaptive.latencyMedian(),
                    fixed.latencyMedian(),
                    adaptive.latencyP95(),
                    fixed.latencyP95(),
                    latencyMeetsTheAim() ? "✓" : "✗");
        }

        boolean latencyMeetsTheAim() {
            return adaptive.latencyMedian() <= fixed.latencyMedian() && adaptive.latencyP95() <= fixed.latencyP95();
        }
    }

    private PollingRun() {}

    static Result run(int jobsPerKind, double spread, Duration interval, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Policy fixed = new Policy(new ArrayList<>(), new ArrayList<>());
        Policy adaptive = new Policy(new ArrayList<>(), new ArrayList<>());
        for (Duration typical : KINDS) {
            Deque<Duration> seen = new ArrayDeque<>(); // newest first, as the journal answers
            for (int i = 0; i < jobsPerKind; i++) {
                double factor = Math.exp(spread * random.nextGaussian());
                Duration actual = Duration.ofMillis(Math.round(typical.toMillis() * factor));
                poll(actual, Optional.empty(), interval, fixed);
                Optional<ExpectedEnd> expected = TaskDurationsAccess.expectedEnd(List.copyOf(seen));
                Duration seenAt = poll(actual, expected, interval, adaptive);
                seen.addFirst(seenAt);
                while (seen.size() > TaskDurationsAccess.HISTORY) {
                    seen.removeLast();
                }
            }
        }
        return new Result(jobsPerKind * KINDS.size(), spread, interval, fixed, adaptive);
    }

    /** Polls one task as PollStep does; returns when it was seen done (since the accepted submit). */
    static Duration poll(Duration actual, Optional<ExpectedEnd> expected, Duration interval, Policy into) {
        Duration at = Duration.ZERO;
        if (expected.isPresent()) {
            at = PollSchedule.nextWait(at, expected, interval, 1);
        }
        int calls = 0;
        while (true) {
            calls++;
            if (at.compareTo(actual) >= 0) {
                into.latencySeconds().add(at.minus(actual).toMillis() / 1e3);
                into.calls().add(calls);
                return at;
            }
            at = at.plus(PollSchedule.nextWait(at, expected, interval, 1));
        }
    }
}
