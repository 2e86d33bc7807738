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
 * @param diskReserveBytes free disk space a download never eats into: it stops before the disk
 *     holding the file has less than this left
 */
public record DownloadPolicy(
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        RandomGenerator jitter,
        Duration readTimeout,
        int bufferSize,
        long diskReserveBytes) {

    /** Free disk space left alone by default: 64 MiB. */
    public static final long DEFAULT_DISK_RESERVE = 64L * 1024 * 1024;

    public DownloadPolicy(
            int maxAttempts,
            Duration backoffBase,
            Duration backoffCap,
            RandomGenerator jitter,
            Duration readTimeout,
            int bufferSize) {
        this(maxAttempts, backoffBase, backoffCap, jitter, readTimeout, bufferSize, DEFAULT_DISK_RESERVE);
    }

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
        if (diskReserveBytes < 0) {
            throw new IllegalArgumentException("diskReserveBytes must not be negative, got " + diskReserveBytes);
        }
    }

    /** This policy with another disk reserve. */
    public DownloadPolicy withDiskReserve(long bytes) {
        return new DownloadPolicy(maxAttempts, backoffBase, backoffCap, jitter, readTimeout, bufferSize, bytes);
    }

    /**
     * 8 attempts, 500 ms doubling up to 30 s, 30 s read timeout, 256 KiB buffer (fewer, larger
     * socket reads and file writes: what keeps a loopback download at curl's speed), 64 MiB disk
     * reserve.
     */
    public static DownloadPolicy defaults() {
        return new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(30), new Random(), Duration.ofSeconds(30), 256 * 1024);
    }

    /**
     * The wait after {@code failedAttempts} failures: {@code min(cap, base·2^(failedAttempts-1))}, less
     * a random part of up to half of it ("equal jitter"), so clients that failed together spread out.
     */
    public Duration backoffAfter(int failedAttempts) {
        return new Backoff(backoffBase, backoffCap, jitter).delay(failedAttempts);
    }
}
