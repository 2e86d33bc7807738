package dev.jimeng.job;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.Retry;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.api.SubmitResult;
import dev.jimeng.store.JobChanges;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.Seconds;
import java.time.Duration;
import java.time.Instant;

/**
 * The submit step of a {@link JobRun}: take a server slot, journal SUBMITTING, send the submit once
 * and journal its task id before anything else. A submit that may have reached the server is never
 * sent again (it ends as submit unknown); one the server surely did not take (a slot limit, a rate
 * limit, a server error) goes back to the local queue, waits and is sent again.
 */
final class SubmitStep {
    private final JobRun run;
    private final JobManager engine;

    /** Read by cancel and close from other threads: interrupting a submit on the wire loses its outcome. */
    private volatile boolean inSubmitCall;

    /** This run took a slot and its submit has had no answer yet ({@link ServerSlots#handedOver}). */
    private boolean handingOver;

    SubmitStep(JobRun run, JobManager engine) {
        this.run = run;
        this.engine = engine;
    }

    /** True while a submit request is on the wire: interrupting now would leave its outcome unknown. */
    boolean inSubmitCall() {
        return inSubmitCall;
    }

    /** Sends the submit once a slot is free. True when the server accepted it (task id journaled). */
    boolean submit() throws InterruptedException {
        engine.slots.acquire(run::inLine);
        run.holdSlot();
        handingOver = true;
        try {
            return sendOnSlot();
        } finally {
            endHandover();
        }
    }

    /**
     * Tells the slots this run's handover is over, once. Accepted, it is over when the task id is
     * journaled; turned away, at that answer: the try after it comes after a back-off, often a long
     * one when the server's slots are full, and done videos do not wait for it.
     */
    private void endHandover() {
        if (handingOver) {
            handingOver = false;
            engine.slots.handedOver();
        }
    }

    /** {@link #submit()} once it holds a slot. */
    private boolean sendOnSlot() throws InterruptedException {
        int slotWaits = 0;
        int surelyFailed = 0;
        while (true) {
            run.checkOpen();
            run.keepLease();
            SubmitBody body;
            try {
                body = engine.bodies.apply(run.job().request());
            } catch (RuntimeException e) {
                run.fail(
                        StopReason.INVALID_REQUEST,
                        "invalid-request",
                        "the request cannot be sent: " + e.getMessage() + " (nothing was billed)");
                return false;
            }
            Long seed = body.seed() != null ? body.seed() : run.job().request().seed();
            run.job(engine.store.markSubmitting(run.id(), run.owner(), run.now(), body.reqKey(), seed));
            if (run.job().state() != JobState.SUBMITTING) {
                run.releaseSlot(); // canceled (by any process) before it was sent: it never will be
                run.publish();
                return false;
            }
            run.publish();
            SubmitResult accepted;
            inSubmitCall = true;
            if (engine.closing()) {
                // close() began before the request left (it skips interrupting a run in its submit
                // call, and both flags are volatile, so one of us sees the other): nothing was sent
                inSubmitCall = false;
                run.transition(JobState.QUEUED, JobChanges.note(null, "not sent: jimeng was stopping"));
                run.publish();
                throw new InterruptedException("jimeng is shutting down");
            }
            try {
                accepted = engine.api.submit(body);
            } catch (ApiException e) {
                inSubmitCall = false; // the answer is in: the back-off below may be interrupted
                endHandover();
                ApiError error = e.error();
                if (error.mayHaveReachedServer()) {
                    run.end(
                            JobState.SUBMIT_UNKNOWN,
                            StopReason.SUBMIT_UNKNOWN,
                            error.code(),
                            error.describe() + ". The server may have accepted (and billed) this task but its"
                                    + " answer was lost, so it was not sent again; check the Volcengine console");
                    return false;
                }
                boolean slotLimit = error.retry() == Retry.WAIT_FOR_SLOT;
                boolean mayRepeat = error.retry() == Retry.BACKOFF || JobRun.isTransient(error);
                if (slotLimit && ++slotWaits <= engine.settings.maxSlotWaits()) {
                    waitBeforeResubmit(error, slotWaits, "the server is running as many tasks as this account allows");
                    continue;
                }
                if (!slotLimit && mayRepeat && ++surelyFailed <= engine.settings.maxSubmitRetries()) {
                    waitBeforeResubmit(error, surelyFailed, "the server did not take the task");
                    continue;
                }
                if (mayRepeat || slotLimit) {
                    // the hints of rate limits and server errors say "jimeng tries again"; it just did
                    String hint =
                            switch (error.category()) {
                                case RATE_LIMIT -> "wait a minute and run it again";
                                case SERVER -> "the server is having trouble: wait a few minutes and run it again";
                                default -> error.hint();
                            };
                    run.fail(
                            StopReason.NOT_ACCEPTED,
                            error.code(),
                            error.code() + ": " + error.message() + " — " + hint + " (the server did not take the task"
                                    + " in " + (slotLimit ? slotWaits : surelyFailed) + " tries; nothing was billed)");
                } else {
                    run.fail(
                            error.category() == ErrorCategory.CONTENT_REVIEW
                                    ? StopReason.CONTENT_REJECTED
                                    : StopReason.NOT_ACCEPTED,
                            error.code(),
                            error.describe() + " (the server did not accept the task; nothing was billed)");
                }
                return false;
            } finally {
                inSubmitCall = false;
            }
            // the task is billed now: its id reaches the user before the journal is even tried, so
            // a journal that cannot be written (locked, full disk) never leaves it only in memory
            JobSnapshot told = run.snapshot().accepted(accepted.taskId(), accepted.requestId());
            engine.events.publish(told);
            // the one write that must never be lost: before anything else happens
            inSubmitCall = true; // close() lets it finish, as it lets the submit itself
            try {
                JobRecord recorded = journalTaskId(accepted, told);
                if (recorded == null) {
                    return false;
                }
                run.job(recorded);
            } finally {
                inSubmitCall = false;
            }
            run.publish();
            return true;
        }
    }

    /**
     * Records the accepted task id, trying again for {@link JobManager#journalRetryWindow()} after
     * the journal first fails to be written, each failure told as a note. Null when it could not: the job
     * then ends, in memory only, as {@link StopReason#NOT_JOURNALED} with the task id, so whoever
     * follows it learns the id and how to record it ({@code jimeng attach}).
     */
    private JobRecord journalTaskId(SubmitResult accepted, JobSnapshot told) {
        Instant deadline = null; // the window starts at the first failure: each try may wait for a lock
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                return engine.store.recordTaskId(run.id(), accepted.taskId(), accepted.requestId(), run.now());
            } catch (RuntimeException e) {
                failure = e;
            }
            String why = engine.store.file() + " cannot be written (" + rootMessage(failure) + ")";
            if (deadline == null) {
                deadline = run.now().plus(engine.journalRetryWindow());
            }
            Duration left = Duration.between(run.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                notJournaled(told, why);
                return null;
            }
            engine.events.publish(told.with(
                    JobState.SUBMITTING,
                    null,
                    JOURNAL_RETRY,
                    "task " + accepted.taskId() + " was accepted but the journal " + why + "; trying again for "
                            + Seconds.format(left) + " s"));
            Duration wait = engine.backoff.delay(attempt);
            try {
                engine.sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: tell the id now rather than never
                notJournaled(told, why);
                return null;
            }
        }
    }

    private static final String JOURNAL_RETRY = JobSnapshot.JOURNAL_RETRY;
    private static final String NOT_JOURNALED = "task-not-journaled";

    private void notJournaled(JobSnapshot told, String why) {
        run.releaseSlot();
        JobSnapshot ended = told.with(
                JobState.FAILED,
                StopReason.NOT_JOURNALED,
                NOT_JOURNALED,
                "the server accepted (and billed) task " + told.taskId() + " but the journal " + why
                        + ", so jimeng cannot track it; record it with the command below (it is not sent again)");
        engine.events.publish(ended);
        engine.events.ended(run.id(), ended);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    /** A submit that surely failed: back to the local queue (journaled), wait, send again. */
    private void waitBeforeResubmit(ApiError error, int attempt, String why) throws InterruptedException {
        Duration wait = engine.backoff.delay(attempt);
        run.transition(
                JobState.QUEUED,
                JobChanges.note(
                        error.code(),
                        why + " (" + error.code() + "); sending again in " + Seconds.format(wait)
                                + " s — nothing was billed"));
        run.publish();
        engine.sleeper.sleep(wait);
    }

    /** The journal says SUBMITTING: a run stopped with the submit on the wire, and its answer is lost. */
    void outcomeUnknownAfterStop() {
        run.end(
                JobState.SUBMIT_UNKNOWN,
                StopReason.SUBMIT_UNKNOWN,
                "submit-interrupted",
                "jimeng stopped while this submit was being sent, so it is unknown whether the server"
                        + " accepted (and billed) it; it was not sent again. Check the Volcengine console");
    }
}
