package dev.jimeng.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextStepsTest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The line each agent reply ends with: what to do next, and never "try again" where that may pay twice. */
class AdviceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void anUnknownSubmitOutcomeSaysDoNotRetryAndLeavesTheResubmitToTheUser() {
        JobSnapshot job = NextStepsTest.job(JobState.SUBMIT_UNKNOWN, StopReason.SUBMIT_UNKNOWN, false);

        String advice = Advice.of(job, 30, NOW, Invocation.REAL);

        assertThat(advice)
                .startsWith("DO NOT RETRY")
                .contains("may have accepted (and billed) it")
                .contains("only they may decide")
                .contains("jimeng retry " + job.id() + " --resubmit")
                .doesNotContain("call wait");
    }

    @Test
    void aJobStillRunningIsWaitedForNotGeneratedAgain() {
        JobSnapshot job = NextStepsTest.job(JobState.GENERATING, null, true);

        assertThat(Advice.of(job, 45, NOW, Invocation.REAL))
                .contains("call wait with job_id " + job.id() + " in about 45 s")
                .contains("do not call generate again");
    }

    @Test
    void aFailedBilledTaskSaysItWasBilledButNotInTheSandbox() {
        JobSnapshot job = NextStepsTest.job(JobState.FAILED, StopReason.TASK_FAILED, true);

        assertThat(Advice.of(job, 0, NOW, Invocation.REAL)).contains("accepted and billed");
        assertThat(Advice.of(job, 0, NOW, new Invocation(true, null)))
                .doesNotContain("accepted and billed")
                .contains("sandbox, not billed");
    }

    @Test
    void aDoneJobPointsAtResult() {
        JobSnapshot job = NextStepsTest.job(JobState.DONE, null, true);

        assertThat(Advice.of(job, 0, NOW, Invocation.REAL))
                .isEqualTo("done: call result with job_id " + job.id() + " for the video to show the user");
    }
}
