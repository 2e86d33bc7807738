package dev.jimeng.job;

import java.time.Duration;
import java.util.Optional;

/**
 * When to ask the server about a task next, from what is known of it: how long it has been at the
 * server and, from the history of its mode and length, how soon such tasks end ({@link
 * TaskDurations#earliest}). Pure: the caller passes the times in.
 *
 * <ul>
 *   <li>No history: every poll interval, as always.
 *   <li>Before the expected end: sparse, one look half-way (a task that ends early or fails is seen
 *       then).
 *   <li>From one dense gap (a twentieth of the expected time, at least {@link #MIN_GAP}) before the
 *       expected end: dense at first, then waiting as long as the task is overdue, so the gaps
 *       double; never longer than the poll interval, whose setting stays the promise of how soon a
 *       done task is seen.
 * </ul>
 *
 * A rate-limited account ({@link AccountPace}) stretches every wait by its factor.
 */
public final class PollSchedule {
    /** The shortest wait between two polls of one task. */
    static final Duration MIN_GAP = Duration.ofMillis(20);

    /** Past the expected end, the first waits are this part of the expected time. */
    private static final int DENSE_DIVISOR = 20;

    private PollSchedule() {}

    /**
     * The wait before the next get-result.
     *
     * @param atServer time since the server accepted the task
     * @param expected how soon tasks of this mode and length end (a low estimate), if known
     * @param pollInterval the user's poll interval: the longest wait once the task is overdue
     * @param slowdown the account's rate-limit factor, 1 when it is not limited
     */
    public static Duration nextWait(
            Duration atServer, Optional<Duration> expected, Duration pollInterval, double slowdown) {
        Duration wait = expected.filter(e -> e.compareTo(MIN_GAP) > 0)
                .map(e -> byHistory(atServer, e, pollInterval))
                .orElse(pollInterval);
        if (slowdown > 1) {
            wait = Duration.ofNanos(Math.round(wait.toNanos() * slowdown));
        }
        return wait;
    }

    private static Duration byHistory(Duration atServer, Duration expected, Duration pollInterval) {
        Duration dense = max(MIN_GAP, expected.dividedBy(DENSE_DIVISOR));
        // dense polling starts one gap early: the history is of when tasks were *seen* done, a little
        // after they were; starting at it would make each estimate later than the last
        Duration denseFrom = expected.minus(dense);
        Duration halfWay = expected.dividedBy(2);
        if (atServer.compareTo(halfWay) < 0) {
            return atLeastMinGap(halfWay.minus(atServer));
        }
        if (atServer.compareTo(denseFrom) < 0) {
            return atLeastMinGap(denseFrom.minus(atServer));
        }
        Duration overdue = atServer.minus(denseFrom);
        return min(max(dense, overdue), pollInterval);
    }

    private static Duration atLeastMinGap(Duration wait) {
        return max(wait, MIN_GAP);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
