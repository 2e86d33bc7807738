package dev.jimeng.job;

import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.time.Instant;

/**
 * Which {@link Refusal} {@link JobManager} gives when {@link NextSteps} does not allow what was asked
 * of a job (retry, redownload, cancel), told from the job as it is now.
 */
final class Refusals {
    private Refusals() {}

    /** Why nothing free (or, for the caller, nothing at all) can be done with a job now. */
    static Refusal toRetry(JobSnapshot job, Instant now) {
        if (!job.state().terminal()) {
            return Refusal.STILL_RUNNING;
        }
        if (job.stopReason() == StopReason.CONTENT_REJECTED || job.stopReason() == StopReason.INVALID_REQUEST) {
            return Refusal.CHANGE_THE_REQUEST;
        }
        if (NextSteps.resubmitMayBillTwice(job)) {
            return Refusal.OUTCOME_UNKNOWN;
        }
        if (job.taskId() == null) {
            return Refusal.NEVER_SENT;
        }
        if (!NextSteps.taskStillKept(job, now)) {
            return Refusal.TASK_GONE;
        }
        return Refusal.SAME_ANSWER;
    }

    /** Why the video of a job cannot be downloaded again now. */
    static Refusal toRedownload(JobSnapshot job, Instant now) {
        return !job.state().terminal()
                ? Refusal.STILL_RUNNING
                : job.taskId() == null
                        ? Refusal.NEVER_SENT
                        : NextSteps.taskStillKept(job, now) ? Refusal.SAME_ANSWER : Refusal.TASK_GONE;
    }

    /** Why a job the journal did not cancel goes on (or stays ended), from the state it is in. */
    static Refusal toCancel(JobState state) {
        return switch (state) {
            case SUBMITTING -> Refusal.BEING_SENT;
            case IN_QUEUE, GENERATING, DOWNLOADING -> Refusal.AT_SERVER;
            default -> Refusal.ALREADY_ENDED;
        };
    }
}
