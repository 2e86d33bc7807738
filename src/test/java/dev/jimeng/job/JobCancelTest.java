package dev.jimeng.job;

import static dev.jimeng.job.HeldPollJobs.ending;
import static dev.jimeng.job.HeldPollJobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.store.StopReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancel: a job not sent yet ends as canceled and is never sent by this process, another one, or a
 * later start; a task at the server is only forgotten on the user's word, and can be picked up again.
 */
class JobCancelTest {
    /** Its held first poll keeps the only server slot for the first job as long as a test needs. */
    @RegisterExtension
    final HeldPollJobs jobs = new HeldPollJobs();

    @Test
    void aJobCanceledWhileItWaitsForASlotIsNeverSentByThisOrALaterStart() throws Exception {
        JobStore store = jobs.store();
        JobManager manager = manager(store, "process-1", jobs.heldClient());
        String a = manager.submit(request("first"));
        String b = manager.submit(request("second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 1);
        // the two jobs race for the only slot: cancel whichever is still waiting
        String second = manager.job(a).orElseThrow().state() == JobState.QUEUED ? a : b;
        String first = second.equals(a) ? b : a;

        JobSnapshot canceled = manager.cancel(second, false);

        assertThat(canceled.state()).isEqualTo(JobState.CANCELED);
        assertThat(canceled.stopReason()).isEqualTo(StopReason.CANCELED);
        assertThat(ending(manager, second).state()).isEqualTo(JobState.CANCELED);
        jobs.releaseFirstPoll();
        assertThat(ending(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(jobs.server().submitCalls()).isEqualTo(1);

        manager.close();
        JobManager later = manager(store, "process-2", jobs.server().client(jobs.clock()));
        assertThat(later.resumeAll()).doesNotContain(second);
        assertThat(jobs.server().submitCalls()).isEqualTo(1);
    }

    @Test
    void aJobCanceledByAnotherProcessWhileThisOneHoldsItIsNeverSent() throws Exception {
        JobManager holder = manager(jobs.store(), "process-1", jobs.heldClient());
        String a = holder.submit(request("first"));
        String b = holder.submit(request("second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 1);
        String second = holder.job(a).orElseThrow().state() == JobState.QUEUED ? a : b;
        String first = second.equals(a) ? b : a;

        JobManager other = manager(jobs.store(), "process-2", jobs.server().client(jobs.clock()));
        assertThat(other.cancel(second, false).state()).isEqualTo(JobState.CANCELED);
        jobs.releaseFirstPoll();

        assertThat(ending(holder, first).state()).isEqualTo(JobState.DONE);
        assertThat(ending(holder, second).state()).isEqualTo(JobState.CANCELED);
        assertThat(jobs.server().submitCalls()).isEqualTo(1);
    }

    @Test
    void aTaskAtTheServerIsForgottenOnlyOnTheUsersWordAndCanBePickedUpAgain() throws Exception {
        ScriptedServer.Client api = jobs.heldClient();
        JobManager manager = manager(jobs.store(), "process-1", api);
        String id = manager.submit(request("at the server"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.polls.get() == 1);

        assertThatThrownBy(() -> manager.cancel(id, false))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.AT_SERVER));
        JobSnapshot forgotten = manager.cancel(id, true);
        jobs.releaseFirstPoll();

        assertThat(forgotten.state()).isEqualTo(JobState.CANCELED);
        assertThat(forgotten.stopReason()).isEqualTo(StopReason.FORGOTTEN);
        JobSnapshot ended = ending(manager, id);
        assertThat(ended.state()).isEqualTo(JobState.CANCELED);
        assertThat(ended.outputPath()).as("its video is not downloaded").isNull();
        assertThat(NextSteps.of(ended, jobs.clock().instant())).containsExactly(NextSteps.Step.POLL_AGAIN);

        assertThat(manager.retry(id, false)).isEqualTo(id);
        assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);
        assertThat(jobs.server().submitCalls()).isEqualTo(1);
    }

    @Test
    void aJobThatHasEndedHasNothingToCancel() throws Exception {
        JobManager manager = manager(jobs.store(), "process-1", jobs.server().client(jobs.clock()));
        jobs.releaseFirstPoll();
        String id = manager.submit(request("quick"));
        assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);

        assertThatThrownBy(() -> manager.cancel(id, true))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_ENDED));
    }

    // --- set-up ---

    private JobManager manager(JobStore store, String owner, ScriptedServer.Client api) {
        return jobs.manager(store, owner, api, 1);
    }
}
