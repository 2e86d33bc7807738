package dev.jimeng.mcp;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.ResultView;
import java.time.Instant;

/**
 * What the agent should do about a job now, in plain words: wait, show the result, or (for an
 * unknown submit outcome) not retry. Every tool that reports a job ends with this line.
 */
final class Advice {
    private Advice() {}

    static String of(JobSnapshot job, long checkBackSeconds, Instant now, dev.jimeng.config.Invocation at) {
        String id = job.id();
        return switch (job.state()) {
            case DONE -> "done: call result with job_id " + id + " for the video to show the user";
            case SUBMIT_UNKNOWN ->
                "DO NOT RETRY: the submit's answer never came, so the server may have accepted (and billed) it;"
                        + " generating again may pay twice. Tell the user; only they may decide to send it again"
                        + " (jimeng retry " + id + " --resubmit)";
            case CANCELED -> "canceled; " + (job.taskId() == null ? "it was never sent" : "no longer tracked");
            case FAILED, EXPIRED ->
                ResultView.failureLine(job, now, at)
                        + (job.billed() && !at.sandbox() ? " (the task was accepted and billed)" : "");
            default ->
                "it carries on: call wait with job_id " + id
                        + (checkBackSeconds > 0 ? " in about " + checkBackSeconds + " s" : "")
                        + " (do not call generate again: that would pay again)";
        };
    }
}
