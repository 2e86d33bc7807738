package dev.jimeng.job;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.Retry;
import dev.jimeng.store.JobChanges;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.LeaseLostException;
import dev.jimeng.store.StopReason;
import dev.jimeng.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The story of one job, run on its own virtual thread: own the job (or watch its owner), then
 * submit → record task id → poll → download → verify → done, journaling every step first.
 */
final class JobRun implements Runnable {
    /** Where to pick the job up, besides its journaled state. */
    enum Start {
        AS_JOURNALED,
        /** The user asked to poll an already-submitted task again (no new submit). */
        POLL_AGAIN,
        /** The user asked to download a finished task again, with a fresh URL. */
        DOWNLOAD_AGAIN
    }

    /** How often a job another process drives is looked at (at most; a quarter of the lease if shorter). */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final JobManager engine;
    private final String id;
    private Start start;
    private final String owner;

    private final SubmitStep submitStep;
    private final PollStep pollStep;
    private final DownloadStep downloadStep;

    private volatile Thread thread;
    private volatile boolean canceled;
    private JobRecord job;
    private boolean holdingSlot;
    private Instant nextLeaseRenewal = Instant.MIN;
    private volatile JobSnapshot.LeaseWait waitingFor;
    /**
     * Done once this run stands in the line for a server slot, or will not: it has taken a slot,
     * watches another process's job, or has ended ({@link QueuedRuns} then starts the next run).
     */
    private final java.util.concurrent.CountDownLatch placed = new java.util.concurrent.CountDownLatch(1);

    /**
     * A re-download of a done job: the journal keeps the job as it was (its file, size, hash and
     * state times); what happens to the copy is only told, in snapshots. Null unless copying.
     */
    private CopyRun copy;

    /** Where a copy stands: its state, file and (when it failed) why. */
    private record CopyRun(JobState state, Path output, long bytes, String sha256, JobChanges stop) {}

    JobRun(JobManager engine, String id, Start start) {
        this.engine = engine;
        this.id = id;
        this.start = start;
        this.owner = engine.settings.ownerId();
        this.submitStep = new SubmitStep(this, engine);
        this.pollStep = new PollStep(this, engine);
        this.downloadStep = new DownloadStep(this, engine, pollStep);
    }

    String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    Thread start() {
        thread = Thread.ofVirtual().name("jimeng-job-" + id).start(this);
        return thread;
    }

    Thread thread() {
        return thread;
    }

    /** Waits until this run stands in the line for a server slot (or will not: see {@link #placed}). */
    void awaitPlaced() throws InterruptedException {
        placed.await();
    }

    /** This run's place in the line for a server slot is taken. */
    void inLine() {
        placed.countDown();
    }

    /**
     * The user ended this job in the journal ({@link dev.jimeng.store.JobStore#cancel}): stop now. A
     * submit on the wire is not interrupted (its task id must still be recorded); the journal's
     * fence stops the run at its next write instead.
     */
    void cancel() {
        canceled = true;
        Thread running = thread;
        if (running != null && !submitStep.inSubmitCall()) {
            running.interrupt();
        }
    }

    /** True while a submit request is on the wire: interrupting now would leave its outcome unknown. */
    boolean inSubmitCall() {
        return submitStep.inSubmitCall();
    }

    @Override
    public void run() {
        try {
            while (ownJob()) {
                try {
                    drive();
                    break;
                } catch (LeaseLostException lost) {
                    // another process took the job over (we were too slow to renew): watch it
                    releaseSlot();
                    start = Start.AS_JOURNALED;
                }
            }
        } catch (InterruptedException e) {
            if (canceled) {
                job = engine.store.get(id).orElse(job); // the user ended it: tell everyone
                publish();
            } else {
                Thread.currentThread().interrupt(); // shutting down; the journal says where we were
            }
        } catch (RuntimeException e) {
            failQuietly(e);
        } finally {
            placed.countDown();
            releaseSlot();
            if (engine.reservedSlots.remove(id)) {
                engine.slots.release(); // reserved at resume but never claimed (another process drives it)
            }
            if (job != null && job.state().terminal()) {
                engine.store.releaseLease(id, owner);
            }
            engine.runEnded(this, job);
        }
    }

    /**
     * Takes the job's lease, or watches another live process drive it until that one finishes or
     * dies (its lease expires). False when the job ended without us.
     */
    private boolean ownJob() throws InterruptedException {
        // look often: the owner may die (its lease is then taken over at once) or finish
        Duration watchEvery = min(engine.settings.leaseTtl().dividedBy(4), WATCH_INTERVAL);
        while (true) {
            checkOpen();
            job = engine.store.get(id).orElseThrow();
            if (job.state().terminal() && start == Start.AS_JOURNALED) {
                publish();
                return false;
            }
            if (engine.leases.acquire(job)) {
                waitingFor = null;
                job = engine.store.get(id).orElseThrow();
                nextLeaseRenewal = now().plus(engine.settings.leaseTtl().dividedBy(4));
                return true;
            }
            // a live owner holds it: say whom we wait for (the views tell the user once)
            placed.countDown();
            waitingFor = job.leaseOwner() == null
                    ? null
                    : new JobSnapshot.LeaseWait(LeaseHolders.pid(job.leaseOwner()), job.leaseExpiresAt());
            publish();
            engine.sleeper.sleep(watchEvery);
        }
    }

    private void drive() throws InterruptedException {
        Start from = start;
        start = Start.AS_JOURNALED;
        switch (from) {
            case POLL_AGAIN -> transition(JobState.IN_QUEUE, JobChanges.none());
            case DOWNLOAD_AGAIN -> {
                if (job.state() == JobState.DONE) {
                    copy = new CopyRun(JobState.DONE, job.outputPath(), job.bytes(), job.sha256(), null);
                }
                downloadStep.download();
                return;
            }
            case AS_JOURNALED -> {}
        }
        publish();
        if (job.state() != JobState.QUEUED) {
            placed.countDown(); // it will not wait in line for a slot
        }
        switch (job.state()) {
            case QUEUED -> {
                if (!submitStep.submit()) {
                    return;
                }
            }
            case SUBMITTING -> {
                submitStep.outcomeUnknownAfterStop();
                return;
            }
            case IN_QUEUE, GENERATING -> {
                if (!engine.reservedSlots.remove(id)) {
                    engine.slots.occupy();
                }
                holdSlot();
            }
            case DOWNLOADING -> {
                if (downloadStep.finishedBeforeTheCrash()) {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        if (job.state() != JobState.DOWNLOADING && !pollStep.pollUntilDone()) {
            return;
        }
        downloadStep.download();
    }

    // --- endings and plumbing, for the steps too ---

    /** The job as last journaled by this run. */
    JobRecord job() {
        return job;
    }

    /** Keeps the record a journal write returned. */
    void job(JobRecord latest) {
        job = latest;
    }

    void expire(String why) {
        Instant submitted = job.submittedAt();
        String when = submitted == null ? "" : " (submitted " + submitted + ")";
        String message = "expired".equals(why)
                ? "the server says the result of task " + job.taskId() + " has expired" + when
                : "the server no longer knows task " + job.taskId() + when + ": task ids can be queried for 12"
                        + " hours after submit";
        end(JobState.EXPIRED, StopReason.TASK_GONE, why, message);
    }

    void fail(StopReason reason, String code, String message) {
        end(JobState.FAILED, reason, code, message);
    }

    void end(JobState state, StopReason reason, String code, String message) {
        end(state, JobChanges.stopped(reason, code, message));
    }

    void end(JobState state, JobChanges changes) {
        releaseSlot();
        transition(state, changes);
        publish();
    }

    private void failQuietly(RuntimeException cause) {
        try {
            if (job != null && !job.state().terminal() && owner.equals(job.leaseOwner())) {
                fail(StopReason.INTERNAL, "internal", "unexpected error: " + cause);
            }
        } catch (RuntimeException journalFailed) {
            // the journal itself failed: the job is resumed from it on the next start, but whoever
            // waits for it now must hear why rather than wait forever
            if (job != null && !job.state().terminal()) {
                StoreException store =
                        cause instanceof StoreException s ? s : journalFailed instanceof StoreException s ? s : null;
                String code = store == null
                        ? "internal"
                        : switch (store.problem()) {
                            case DAMAGED -> "journal-damaged";
                            case UNWRITABLE -> "journal-unwritable";
                            case OTHER -> "journal";
                        };
                String message = (store == null ? "unexpected error: " + cause : store.getMessage())
                        + "; the job stays " + job.state().label() + " in the journal and the next jimeng start"
                        + " carries it on";
                JobSnapshot ended = snapshot().with(JobState.FAILED, StopReason.INTERNAL, code, message);
                engine.events.publish(ended);
                engine.events.ended(id, ended);
            }
        }
    }

    /** Journals the job's next state (fenced by our lease) and keeps the record it returns. */
    void transition(JobState state, JobChanges changes) {
        if (copy != null) {
            copy = new CopyRun(
                    state,
                    changes.outputPath() != null ? changes.outputPath() : copy.output(),
                    changes.bytes(),
                    changes.sha256(),
                    state == JobState.DONE || state == JobState.DOWNLOADING ? null : changes);
            if (state == JobState.DONE) {
                engine.store.recordCopy(id, new dev.jimeng.store.SavedCopy(copy.output(), copy.bytes(), now()));
            }
            return;
        }
        job = engine.store.transition(id, owner, state, now(), changes);
    }

    /** Journals the SHA-256 of the video of a job that is DONE (or of the copy being made) and tells it. */
    void recordSha256(String sha256) {
        if (copy != null) {
            copy = new CopyRun(copy.state(), copy.output(), copy.bytes(), sha256, copy.stop());
        } else {
            engine.store.recordSha256(id, sha256);
            job = engine.store.get(id).orElse(job);
        }
        publish();
    }

    /** True while this run downloads a copy of a done job's video (nothing of it is journaled). */
    boolean copying() {
        return copy != null;
    }

    void keepLease() {
        Instant now = now();
        if (!now.isBefore(nextLeaseRenewal)) {
            if (!engine.store.renewLease(id, owner, now, engine.settings.leaseTtl())) {
                throw new LeaseLostException(id, owner);
            }
            nextLeaseRenewal = now.plus(engine.settings.leaseTtl().dividedBy(4));
        }
        engine.leases.renewAllIfDue();
    }

    /** This run has taken a server slot; it gives it back when it no longer needs it. */
    void holdSlot() {
        holdingSlot = true;
        placed.countDown();
    }

    void releaseSlot() {
        if (holdingSlot) {
            holdingSlot = false;
            engine.slots.release();
        }
    }

    void checkOpen() throws InterruptedException {
        if (engine.closing() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("jimeng is shutting down");
        }
    }

    static boolean isTransient(ApiError error) {
        return error.retry() == Retry.BACKOFF
                || error.retry() == Retry.WAIT_FOR_SLOT
                || switch (error.category()) {
                    case TIMEOUT, NETWORK, SERVER, RATE_LIMIT -> true;
                    default -> false;
                };
    }

    void publish() {
        engine.events.publish(snapshot());
    }

    JobSnapshot snapshot() {
        JobSnapshot journaled = JobSnapshot.of(
                job,
                downloadStep.bytesDownloaded(),
                downloadStep.bytesTotal(),
                pollStep.videoUrlExpiresAt(),
                waitingFor);
        if (copy == null) {
            return journaled;
        }
        JobChanges stop = copy.stop();
        boolean done = copy.state() == JobState.DONE;
        return new JobSnapshot(
                journaled.id(),
                journaled.request(),
                copy.state(),
                journaled.taskId(),
                journaled.requestId(),
                journaled.createdAt(),
                journaled.stateTimes(),
                copy.output(),
                done ? copy.bytes() : downloadStep.bytesDownloaded(),
                done ? copy.bytes() : downloadStep.bytesTotal(),
                done ? copy.sha256() : null,
                journaled.videoUrlExpiresAt(),
                stop == null ? null : stop.errorCode(),
                stop == null ? null : stop.errorMessage(),
                stop == null ? null : stop.stopReason(),
                journaled.estimatedCostCny(),
                journaled.waitingFor());
    }

    Instant now() {
        return engine.clock.instant();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
