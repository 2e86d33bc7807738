package dev.jimeng.job;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Knobs of the job engine.
 *
 * @param serverConcurrency how many of our tasks may run at the server at once (the account's
 *     limit; more get 50430); the rest wait in a local queue
 * @param pollInterval time between two get-result calls of one task (fractions of a second allowed)
 * @param maxPollAttempts polls before a task is given up locally (it may still finish: {@code retry}
 *     polls it again)
 * @param backoffBase first back-off after a transient error; it doubles each time, with jitter
 * @param backoffMax the longest single back-off
 * @param maxTransientErrors transient errors in a row (5xx, 50429, timeouts, network) on one call
 *     before the job fails
 * @param maxSubmitRetries re-sends of a submit that surely did not reach the server (50429, 5xx with
 *     a body, connection refused)
 * @param maxSlotWaits re-sends of a submit answered 50430 (server concurrency limit)
 * @param maxUrlRefreshes fresh get-results after the video URL turned out expired
 * @param leaseTtl how long a job stays ours without a renewal; another process takes over after
 * @param ownerId this process's name in the journal's leases; unique per process
 */
public record EngineSettings(
        int serverConcurrency,
        Duration pollInterval,
        int maxPollAttempts,
        Duration backoffBase,
        Duration backoffMax,
        int maxTransientErrors,
        int maxSubmitRetries,
        int maxSlotWaits,
        int maxUrlRefreshes,
        Duration leaseTtl,
        String ownerId) {

    public EngineSettings {
        if (serverConcurrency < 1) {
            throw new IllegalArgumentException("server concurrency must be at least 1: " + serverConcurrency);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
        }
        if (maxPollAttempts < 1) {
            throw new IllegalArgumentException("max poll attempts must be at least 1: " + maxPollAttempts);
        }
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("need 0 < backoff base <= backoff max");
        }
        if (leaseTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease TTL too short: " + leaseTtl);
        }
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("owner id is required");
        }
    }

    /** The defaults: 2 at the server, a poll every 5 s, 120 polls (the seed's values). */
    public static EngineSettings defaults() {
        return new EngineSettings(
                2,
                Duration.ofSeconds(5),
                120,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                20,
                5,
                100,
                3,
                Duration.ofMinutes(2),
                newOwnerId());
    }

    /**
     * A process-unique owner name: pid, the process's start time (a pid reused after a crash has
     * another) and random bits, e.g. {@code pid4242-s1717171717171-0badc0de}.
     */
    public static String newOwnerId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return LeaseHolders.ownerPrefix() + HexFormat.of().formatHex(random);
    }

    public EngineSettings withServerConcurrency(int value) {
        return new EngineSettings(
                value,
                pollInterval,
                maxPollAttempts,
                backoffBase,
                backoffMax,
                maxTransientErrors,
                maxSubmitRetries,
                maxSlotWaits,
                maxUrlRefreshes,
                leaseTtl,
                ownerId);
    }

    public EngineSettings withPollInterval(Duration value) {
        return new EngineSettings(
                serverConcurrency,
                value,
                maxPollAttempts,
                backoffBase,
                backoffMax,
                maxTransientErrors,
                maxSubmitRetries,
                maxSlotWaits,
                maxUrlRefreshes,
                leaseTtl,
                ownerId);
    }

    public EngineSettings withMaxPollAttempts(int value) {
        return new EngineSettings(
                serverConcurrency,
                pollInterval,
                value,
                backoffBase,
                backoffMax,
                maxTransientErrors,
                maxSubmitRetries,
                maxSlotWaits,
                maxUrlRefreshes,
                leaseTtl,
                ownerId);
    }

    public EngineSettings withBackoff(Duration base, Duration max, int maxErrorsInARow) {
        return new EngineSettings(
                serverConcurrency,
                pollInterval,
                maxPollAttempts,
                base,
                max,
                maxErrorsInARow,
                maxSubmitRetries,
                maxSlotWaits,
                maxUrlRefreshes,
                leaseTtl,
                ownerId);
    }

    public EngineSettings withLease(String owner, Duration ttl) {
        return new EngineSettings(
                serverConcurrency,
                pollInterval,
                maxPollAttempts,
                backoffBase,
                backoffMax,
                maxTransientErrors,
                maxSubmitRetries,
                maxSlotWaits,
                maxUrlRefreshes,
                ttl,
                owner);
    }
}
