package dev.jimeng.job;

import java.time.Duration;
import java.util.Optional;

/**
 * When to ask the server about a task next, from what is known of it: how long it has been at the
 * server and, from the history of its mode and length, how soon such tasks end and how widely their
 * times vary ({@link ExpectedEnd}). Pure: the caller passes the times in.
 *
 * <ul>
 *   <li>No history: every poll interval, as always.
 *   <li>Before the expected end: sparse. Looks spaced evenly, so that no wait is longer than {@link
 *       #SPARSE_LOOK_INTERVALS} poll intervals (a task that fails early is seen within that; at the
 *       default 5 s, tasks of up to a minute and a half get none), and one look a twentieth of the
 *       expected time before it.
 *   <li>From one dense gap before the expected end, or from that look when the gap is over half of
 *       its distance: dense at first, then waiting as long as the task is overdue, so the gaps double,
 *       up to {@link #WIDEST_GAP} of the poll interval, whose setting stays the promise of how soon a
 *       done task is seen. The dense gap is half the history's spread, between {@link #MIN_GAP} and
 *       that widest gap (a twentieth of the expected time while the spread is unknown): tasks that
 *       always take the same time are seen done within a few hundredths of a second, tasks whose
 *       times vary widely are not polled more often than their variation can pay for.
 * </ul>
 *
 * Tasks of one kind sent together without history take turns ({@link #staggered}), and news that one of
 * them was seen done makes the others plan again ({@link #afterNews}). A rate-limited account ({@link
 * AccountPace}) stretches every wait by its factor.
 */
public final class PollSchedule {
    /**
     * The shortest wait between two polls of one task. The history is of when tasks were *seen* done,
     * so for tasks that always take the same time the low estimate can settle up to one gap late (the
     * dense poll a gap before it just misses each task, the next one sees it): this gap bounds that
     * lateness. Only kinds whose times vary by less than twice it poll this often; real tasks, whose
     * times vary by seconds, get gaps of half their spread.
     */
    static final Duration MIN_GAP = Duration.ofMillis(10);

    /**
     * The early look, and the dense gap while the spread is unknown, are this part of the expected time
     * before its end.
     */
    private static final int DENSE_DIVISOR = 20;

    /** Before the dense polls, a task is not left unasked longer than this many poll intervals. */
    static final int SPARSE_LOOK_INTERVALS = 18;

    /** A look this part of a sparse step before its mark counts as the mark's. */
    private static final int SPARSE_SLACK_DIVISOR = 20;

    /**
     * The widest gap once the dense polls have begun, as a part of the poll interval: a little under
     * it, so that the few tasks that end before the low estimate, seen up to the distance to the first
     * dense poll late, leave the 95th percentile of the latency no worse than a fixed poll's.
     */
    static final double WIDEST_GAP = 0.9;

    private PollSchedule() {}

    /**
     * The wait before the next get-result.
     *
     * @param atServer time since the server accepted the task
     * @param expected when tasks of this mode and length end, if known
     * @param pollInterval the user's poll interval: once the task is overdue, no wait is longer
     * @param slowdown the account's rate-limit factor, 1 when it is not limited
     */
    public static Duration nextWait(
            Duration atServer, Optional<ExpectedEnd> expected, Duration pollInterval, double slowdown) {
        Duration wait = expected.filter(e -> e.earliest().compareTo(MIN_GAP) > 0)
                .map(e -> byHistory(atServer, e, pollInterval))
                .orElse(pollInterval);
        if (slowdown > 1) {
            wait = Duration.ofNanos(Math.round(wait.toNanos() * slowdown));
        }
        return wait;
    }

    /**
     * The wait before the second poll of a task without history, the {@code turn}-th (0, 1, 2…) of its kind:
     * with {@code peers} tasks at the server the k-th waits (1 − k/peers) of the interval, so tasks sent
     * together look in turn, one every interval/peers, and the first seen done tells the others ({@link
     * #afterNews}). Each still polls once an interval after that.
     */
    public static Duration staggered(Duration wait, int turn, int peers) {
        if (peers <= 1) {
            return wait;
        }
        int k = Math.floorMod(turn, peers);
        return atLeastMinGap(wait.minus(wait.multipliedBy(k).dividedBy(peers)));
    }

    /**
     * The wait after news that a task of the same kind was seen done, having run at least {@code
     * siblingRan} (its last poll that found it running), for a task that has been {@code atServer} and was
     * sleeping: none when the history, news included, puts it in its dense polls and this task has been at
     * the server as long as the sibling ran (it may well have ended too: its next dense poll would only be
     * later), else the schedule's. A sibling that ran longer says little when times vary, and looking at
     * once would only spend a call.
     */
    public static Duration afterNews(
            Duration atServer,
            Duration siblingRan,
            Optional<ExpectedEnd> expected,
            Duration pollInterval,
            double slowdown) {
        boolean dense = expected.filter(e -> e.earliest().compareTo(MIN_GAP) > 0)
                .filter(e -> atServer.compareTo(plan(e, pollInterval).denseFrom()) >= 0)
                .isPresent();
        if (dense && slowdown <= 1 && atServer.compareTo(siblingRan) >= 0) {
            return Duration.ZERO;
        }
        return nextWait(atServer, expected, pollInterval, slowdown);
    }

    /**
     * The marks of a schedule by history, as times at the server: sparse looks every {@code sparseStep}
     * until the early look, the start of the dense polls and their gap, and the widest gap.
     */
    private record Plan(Duration sparseStep, Duration earlyLook, Duration denseFrom, Duration dense, Duration widest) {}

    private static Plan plan(ExpectedEnd end, Duration pollInterval) {
        Duration expected = end.earliest();
        Duration early = max(MIN_GAP, expected.dividedBy(DENSE_DIVISOR));
        Duration widest = max(MIN_GAP, Duration.ofNanos(Math.round(pollInterval.toNanos() * WIDEST_GAP)));
        // half the spread: the gap itself spreads the sightings (a task is seen up to one gap after it
        // ends), so a gap as wide as the spread would keep it as wide however alike the tasks are
        Duration dense = end.spread() == null
                ? min(early, widest)
                : max(MIN_GAP, min(end.spread().dividedBy(2), widest));
        // both start early: the history is of when tasks were *seen* done, a little after they were;
        // starting at it would make each estimate later than the last. The early look is a twentieth
        // early even when the dense gap is narrow: a task seen there was done before the dense polls
        // began, so when tasks get faster the estimate follows them down by that much per task, not
        // by the narrow gap (tasks seen done at the first dense poll show no spread)
        Duration earlyLook = expected.minus(early);
        // a dense gap over half the early one starts at the early look, not a whole gap before the
        // expected end (a second look so soon after the first would be spent): fewer calls, and a task
        // done before it is seen no later than one done just after it
        Duration denseFrom = dense.multipliedBy(2).compareTo(early) > 0 ? earlyLook : expected.minus(dense);
        Duration longest = pollInterval.multipliedBy(SPARSE_LOOK_INTERVALS);
        long sparseLooks = longest.isZero() ? 0 : (earlyLook.toNanos() - 1) / longest.toNanos();
        return new Plan(earlyLook.dividedBy(sparseLooks + 1), earlyLook, denseFrom, dense, widest);
    }

    private static Duration byHistory(Duration atServer, ExpectedEnd end, Duration pollInterval) {
        Plan plan = plan(end, pollInterval);
        if (atServer.compareTo(plan.earlyLook()) < 0) {
            // a look just before a mark counts as that mark: the marks move a little as the history grows
            long step = Math.max(1, plan.sparseStep().toNanos());
            long looksPassed = (atServer.toNanos() + step / SPARSE_SLACK_DIVISOR) / step;
            Duration nextLook = min(plan.sparseStep().multipliedBy(looksPassed + 1), plan.earlyLook());
            return atLeastMinGap(nextLook.minus(atServer));
        }
        if (atServer.compareTo(plan.denseFrom()) < 0) {
            return atLeastMinGap(plan.denseFrom().minus(atServer));
        }
        Duration overdue = atServer.minus(plan.denseFrom());
        return min(max(plan.dense(), overdue), plan.widest());
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
