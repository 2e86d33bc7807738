package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.store.JobState;
import java.time.Instant;

/** What can still be done with a job, decided from its snapshot alone. */
final class JobFacts {
    private JobFacts() {}

    /** The server finished the video at some point (it handed out a URL). */
    static boolean videoProduced(JobSnapshot job) {
        return job.state() == JobState.DONE
                || job.videoUrlExpiresAt() != null
                || job.stateTimes().containsKey(JobState.DOWNLOADING);
    }

    /** The server still answers for this task id: it keeps tasks for 12 hours after submission. */
    static boolean taskStillKept(JobSnapshot job, Instant now) {
        if (job.taskId() == null || job.state() == JobState.EXPIRED) {
            return false;
        }
        Instant submitted = job.stateTimes().getOrDefault(JobState.SUBMITTING, job.createdAt());
        return now.isBefore(submitted.plus(Capabilities.TASK_LIFETIME));
    }

    /** A (re-)download needs no new task: the job has finished and the server still has the video. */
    static boolean canDownload(JobSnapshot job, Instant now) {
        return job.state().terminal() && videoProduced(job) && taskStillKept(job, now);
    }

    /** Retry by polling and downloading again, without a new (billed) task. */
    static boolean canRetryWithoutResubmit(JobSnapshot job, Instant now) {
        return job.state() == JobState.FAILED && canDownload(job, now);
    }
}
