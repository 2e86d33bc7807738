package dev.jimeng.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether the jimeng process named in a lease is gone. Owner ids made by {@link
 * EngineSettings#newOwnerId()} start with {@code pid<N>-}; the journal is SQLite in WAL mode, which
 * only works when every process using it runs on the same machine, so a pid that no longer exists here
 * is a process that has died (a crash, SIGKILL, power cut) and will never renew or release its leases.
 * A reused pid looks alive: then the lease simply runs out as before.
 */
final class LeaseHolders {
    private static final Pattern PID = Pattern.compile("pid(\\d+)-.*");

    private LeaseHolders() {}

    /** True only for an owner id of our own form whose process no longer runs on this machine. */
    static boolean isDeadLocalProcess(String owner) {
        if (owner == null) {
            return false;
        }
        Matcher m = PID.matcher(owner);
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return false; // another engine in this very process: alive by definition
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
