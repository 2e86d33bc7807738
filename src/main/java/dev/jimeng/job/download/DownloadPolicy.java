package dev.jimeng.job.download;

import dev.jimeng.job.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How hard a download tries.
 *
 * @param maxAttempts HTTP requests per {@link Downloader#download} call before giving up (≥ 1)
 * @param backoffBase wait after the first failed attempt; doubles after each further one
 * @param backoffCap longest wait
 * @param jitter source of the random part of each wait (must be safe for the threads sharing it)
 * @param readTimeout longest wait for the response headers, and for the next bytes of the body
 * @param bufferSize bytes read and written at a time
 */
public record DownloadPolicy(
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        RandomGenerator jitter,
        Duration readTimeout,
        int bufferSize) {

    public DownloadPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (backoffBase.isNegative() || backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("need 0 <= backoffBase <= backoffCap");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive");
        }
        if (bufferSize < 1024) {
            throw new IllegalArgumentException("bufferSize must be at least 1024, got " + bufferSize);
        }
    }

    /** 8 attempts, 500 ms doubling up to 30 s, 30 s read timeout, 64 KiB buffer. */
    public static DownloadPolicy defaults() {
        return new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(30), new Random(), Duration.ofSeconds(30), 64 * 1024);
    }

    /**
     * The wait after {@code failedAttempts} failures: {@code min(cap, base·2^(failedAttempts-1))}, less
     * a random part of up to half of it ("equal jitter"), so clients that failed together spread out.
     */
    public Duration backoffAfter(int failedAttempts) {
        return new Backoff(backoffBase, backoffCap, jitter).delay(failedAttempts);
    }
}
