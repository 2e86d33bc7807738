package dev.jimeng.job;

import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This process's leases on jobs in the journal: taking one (also from a jimeng process on this
 * machine that has died, see {@link LeaseHolders}) and extending all of them, at most once every
 * quarter of the lease time however many job threads ask.
 */
final class Leases {
    private final JobStore store;
    private final Clock clock;
    private final EngineSettings settings;
    private final Object renewalLock = new Object();
    private volatile Instant nextRenewal = Instant.MIN;

    Leases(JobStore store, Clock clock, EngineSettings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Takes the job's lease if it is free, expired, ours, or held by a jimeng process on this machine
     * that has died (so a restart after a crash carries on at once instead of waiting out the lease).
     * {@code job} is a fresh read: a lease another live process holds costs no write, nor does one
     * this process wrote less than a quarter of the lease time ago, such as a job it has just queued
     * (its run renews it a quarter later, as it renews a lease it took). Those writes would wait in
     * line behind the first wave's durable submits, one run after another.
     */
    boolean acquire(JobRecord job) {
        Instant now = clock.instant();
        if (freshlyOurs(job, now)) {
            return true;
        }
        String holder = job.leaseOwner();
        if (!heldByAnother(job, now)) {
            return store.tryAcquireLease(job.id(), settings.ownerId(), now, settings.leaseTtl());
        }
        return LeaseHolders.isDeadLocalProcess(holder)
                && store.takeOverLease(job.id(), holder, settings.ownerId(), now, settings.leaseTtl());
    }

    /** True when, as {@code job} was read, another process that is alive holds its lease (no write). */
    boolean heldByAnotherLiveProcess(JobRecord job) {
        return heldByAnother(job, clock.instant()) && !LeaseHolders.isDeadLocalProcess(job.leaseOwner());
    }

    private boolean freshlyOurs(JobRecord job, Instant now) {
        Duration threeQuarters = settings.leaseTtl().minus(settings.leaseTtl().dividedBy(4));
        return settings.ownerId().equals(job.leaseOwner())
                && job.leaseExpiresAt() != null
                && !job.leaseExpiresAt().isBefore(now.plus(threeQuarters));
    }

    private boolean heldByAnother(JobRecord job, Instant now) {
        String holder = job.leaseOwner();
        return holder != null
                && !holder.equals(settings.ownerId())
                && job.leaseExpiresAt() != null
                && job.leaseExpiresAt().isAfter(now);
    }

    /** Extends the leases of all jobs this process holds, if a quarter of the lease time has passed. */
    void renewAllIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextRenewal)) {
            return;
        }
        synchronized (renewalLock) {
            if (now.isBefore(nextRenewal)) {
                return;
            }
            nextRenewal = now.plus(settings.leaseTtl().dividedBy(4));
        }
        store.renewLeases(settings.ownerId(), now, settings.leaseTtl());
    }
}
