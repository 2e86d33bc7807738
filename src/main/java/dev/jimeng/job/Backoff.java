package dev.jimeng.job;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": the n-th wait is between half and all of
 * min(max, base·2^(n-1)), so waits grow, stay bounded, and many clients do not retry in step. The
 * one back-off of the engine's polls and submits and of the downloader's attempts.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 = first retry): the ceiling less up to half of it. */
    public Duration delay(int attempt) {
        long ceiling = ceilingNanos(attempt);
        return Duration.ofNanos(ceiling - (long) (random.nextDouble() * (ceiling / 2)));
    }

    /** The upper bound of {@link #delay}. */
    public Duration ceiling(int attempt) {
        return Duration.ofNanos(ceilingNanos(attempt));
    }

    private long ceilingNanos(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long maxNanos = max.toNanos();
        long value = base.toNanos();
        for (int i = 0; i < doublings && value < maxNanos; i++) {
            value = value > maxNanos / 2 ? maxNanos : value * 2;
        }
        return Math.min(value, maxNanos);
    }
}
