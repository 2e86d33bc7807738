package dev.jimeng.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether the jimeng process named in a lease is gone. Owner ids made by {@link
 * EngineSettings#newOwnerId()} are {@code pid<N>-s<start>-<random>}: the pid and the process's start
 * time in epoch milliseconds. The journal is SQLite in WAL mode, which only works when every process
 * using it runs on the same machine, so a pid that no longer exists here, or that now belongs to a
 * process started at another time (the pid was reused), is an owner that has died (a crash, SIGKILL,
 * power cut) and will never renew or release its leases. Older ids without a start time fall back to
 * the pid alone: a reused pid then looks alive and the lease simply runs out.
 */
final class LeaseHolders {
    private static final Pattern OWNER = Pattern.compile("pid(\\d{1,18})-(?:s(\\d{1,18})-)?.*");
    /** Start times of one process read twice may differ by a clock adjustment; a reused pid never starts this close. */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    private LeaseHolders() {}

    /** This process's part of an owner id: {@code pid<N>-s<start millis>-}, or {@code pid<N>-} when unknown. */
    static String ownerPrefix() {
        ProcessHandle me = ProcessHandle.current();
        return "pid" + me.pid() + "-"
                + startOf(me).map(start -> "s" + start.toEpochMilli() + "-").orElse("");
    }

    /** The pid named in an owner id of our form, or -1. */
    static long pid(String owner) {
        Matcher m = owner == null ? null : OWNER.matcher(owner);
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** True only for an owner id of our own form whose process no longer runs on this machine. */
    static boolean isDeadLocalProcess(String owner) {
        Matcher m = owner == null ? null : OWNER.matcher(owner);
        if (m == null || !m.matches()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        if (m.group(2) == null) {
            return false; // an old id: the pid lives, so the owner may (this process included)
        }
        Instant claimed = Instant.ofEpochMilli(Long.parseLong(m.group(2)));
        return startOf(process.get())
                .map(actual -> Duration.between(claimed, actual).abs().compareTo(SAME_START) > 0)
                .orElse(false); // no start time to compare: assume the owner
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        try {
            return process.info().startInstant();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
