package dev.jimeng.job;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one rule set for what can be done with a job now, a pure function of its snapshot and the
 * time. The engine enforces it, and every view (show, notices, the panel's keys, --json) offers
 * exactly these steps, rendered by the view layer.
 */
public final class NextSteps {
    /** Something the user can do with a job; only {@link #RESUBMIT} sends a new (billed) task. */
    public enum Step {
        /** Carry the job on to the end and save its video. */
        WAIT,
        /** Drop a job that was never sent: nothing is billed. */
        CANCEL,
        /** Stop tracking a task the server has (billed already); its video is not fetched. */
        FORGET,
        /** Ask the server about the task again: free. */
        POLL_AGAIN,
        /** Fetch a fresh link and save the video (again): free. */
        DOWNLOAD_AGAIN,
        /** Send the same request as a new task: billed. */
        RESUBMIT,
        /** Journal a task the server accepted but the journal could not record, and carry it on: free. */
        ATTACH;

        public boolean billed() {
            return this == RESUBMIT;
        }
    }

    private NextSteps() {}

    /** What can be done with {@code job} at {@code now}, the most useful first; empty when nothing. */
    public static List<Step> of(JobSnapshot job, Instant now) {
        boolean kept = taskStillKept(job, now);
        return switch (job.state()) {
            case QUEUED -> List.of(Step.WAIT, Step.CANCEL);
            case SUBMITTING -> List.of(Step.WAIT);
            case IN_QUEUE, GENERATING, DOWNLOADING -> List.of(Step.WAIT, Step.FORGET);
            case DONE -> kept ? List.of(Step.DOWNLOAD_AGAIN, Step.RESUBMIT) : List.of(Step.RESUBMIT);
            case SUBMIT_UNKNOWN -> List.of(Step.RESUBMIT);
            case FAILED, EXPIRED, CANCELED -> afterStop(job, kept);
        };
    }

    public static boolean allows(JobSnapshot job, Instant now, Step step) {
        return of(job, now).contains(step);
    }

    /**
     * What a retry without a re-submit does with {@code job} at {@code now}: ask the server again or
     * download again, both free; empty when neither can be done.
     */
    public static Optional<Step> freeRetry(JobSnapshot job, Instant now) {
        List<Step> steps = of(job, now);
        return Stream.of(Step.POLL_AGAIN, Step.DOWNLOAD_AGAIN)
                .filter(steps::contains)
                .findFirst();
    }

    private static List<Step> afterStop(JobSnapshot job, boolean kept) {
        StopReason reason = job.stopReason() != null ? job.stopReason() : StopReason.INTERNAL;
        return switch (reason) {
            // the same request meets the same review, or cannot be built: the user must change it
            case CONTENT_REJECTED, INVALID_REQUEST -> List.of();
            // the task id lives only in this snapshot (and on the user's screen): record it, never re-send
            case NOT_JOURNALED -> job.taskId() != null ? List.of(Step.ATTACH) : List.of(Step.RESUBMIT);
            case CANCELED, NOT_ACCEPTED, TASK_FAILED, TASK_GONE, SUBMIT_UNKNOWN -> List.of(Step.RESUBMIT);
            case FORGOTTEN -> kept ? List.of(Step.POLL_AGAIN) : List.of();
            case DOWNLOAD_FAILED -> kept ? List.of(Step.DOWNLOAD_AGAIN, Step.RESUBMIT) : List.of(Step.RESUBMIT);
            case POLL_GAVE_UP, INTERNAL -> kept ? List.of(Step.POLL_AGAIN, Step.RESUBMIT) : List.of(Step.RESUBMIT);
        };
    }

    /** The server still answers for the job's task: it keeps tasks for 12 hours after submission. */
    public static boolean taskStillKept(JobSnapshot job, Instant now) {
        Instant submitted = job.submittedAt();
        return submitted != null
                && job.state() != JobState.EXPIRED
                && job.stopReason() != StopReason.TASK_GONE
                && now.isBefore(submitted.plus(Capabilities.TASK_LIFETIME));
    }

    /** True when sending the job again may pay for the same video twice (its first submit may have been taken). */
    public static boolean resubmitMayBillTwice(JobSnapshot job) {
        return job.state() == JobState.SUBMIT_UNKNOWN || job.stopReason() == StopReason.SUBMIT_UNKNOWN;
    }
}
