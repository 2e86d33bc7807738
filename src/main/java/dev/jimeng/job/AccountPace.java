package dev.jimeng.job;

import java.time.Duration;
import java.time.Instant;

/**
 * How much slower than planned the account's tasks are polled: a rate-limit answer (50429) to any
 * get-result doubles the factor (up to {@link #MAX_FACTOR}) for every task of the account; each
 * {@link #CALM} without one halves it again. Thread-safe; the caller passes the time.
 */
final class AccountPace {
    static final double MAX_FACTOR = 8;
    static final Duration CALM = Duration.ofSeconds(30);

    private double factor = 1;
    private Instant lastLimited;

    /** The server said "too many requests" at {@code now}. */
    synchronized void rateLimited(Instant now) {
        factor = Math.min(MAX_FACTOR, factor * 2);
        lastLimited = now;
    }

    /** The factor every poll wait is stretched by at {@code now} (1: not slowed down). */
    synchronized double factor(Instant now) {
        if (lastLimited == null || factor <= 1) {
            return 1;
        }
        long calmPeriods = Duration.between(lastLimited, now).dividedBy(CALM);
        double decayed = factor / Math.pow(2, Math.min(calmPeriods, 10));
        return Math.max(1, decayed);
    }
}
