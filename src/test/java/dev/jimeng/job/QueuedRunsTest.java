package dev.jimeng.job;

import static dev.jimeng.job.HeldPollJobs.ending;
import static dev.jimeng.job.HeldPollJobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jimeng.api.SubmitBody;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queued jobs wait for a server slot without a thread of their own (memory: 10,000 queued jobs are
 * 10,000 small objects, not parked threads), are sent in the order they were queued, and can be
 * canceled before their thread ever starts.
 */
class QueuedRunsTest {
    /** Its held first poll keeps the only server slot for the first job until the test lets it go. */
    @RegisterExtension
    final HeldPollJobs jobs = new HeldPollJobs();

    private int managers;

    @BeforeEach
    void smallVideos() {
        jobs.video().videoBytes = 2_000;
    }

    @Test
    void queuedJobsHaveNoThreadUntilASlotFreesAndAreSentInTheOrderQueued() throws Exception {
        JobManager manager = manager(jobs.store(), jobs.heldClient());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(manager.submit(request("job " + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 1);

        // the job at the server, and the next in line, ready to send
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.tasksWaitingForSlot() == 29);
        assertThat(manager.runsOnThreads()).isEqualTo(2);

        jobs.releaseFirstPoll();
        for (String id : ids) {
            assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(jobs.server().accepted)
                .extracting(SubmitBody::prompt)
                .containsExactlyElementsOf(
                        IntStream.range(0, 30).mapToObj(i -> "job " + i).toList());
    }

    @Test
    void aWaveOfSlotsFreeingAtOnceFindsARunReadyInLineForEach() throws Exception {
        JobManager manager = manager(jobs.store(), jobs.heldClient(), 3);
        for (int i = 0; i < 20; i++) {
            manager.submit(request("job " + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 3);

        // three at the server, three in line with their leases taken (ready to send), the rest threadless
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.runsOnThreads() == 6);
        assertThat(manager.tasksWaitingForSlot()).isEqualTo(17);
        assertThat(manager.runsOnThreads()).isEqualTo(6);
    }

    @Test
    void aJobCanceledBeforeItsThreadStartedEndsAtOnceAndIsNeverSent() throws Exception {
        JobStore store = jobs.store();
        JobManager manager = manager(store, jobs.heldClient());
        String first = manager.submit(request("first"));
        String next = manager.submit(request("next in line"));
        String second = manager.submit(request("second"));
        String third = manager.submit(request("third"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 1);

        assertThat(manager.cancel(second, false).state()).isEqualTo(JobState.CANCELED);

        assertThat(ending(manager, second).state()).isEqualTo(JobState.CANCELED);
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.tasksWaitingForSlot() == 2);
        jobs.releaseFirstPoll();
        assertThat(ending(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(ending(manager, next).state()).isEqualTo(JobState.DONE);
        assertThat(ending(manager, third).state()).isEqualTo(JobState.DONE);
        assertThat(jobs.server().accepted)
                .extracting(SubmitBody::prompt)
                .containsExactly("first", "next in line", "third");
        assertThat(store.get(second).orElseThrow().state()).isEqualTo(JobState.CANCELED);
    }

    @Test
    void queuedJobsLeftAtCloseAreSentInOrderByTheNextStart() throws Exception {
        JobStore store = jobs.store();
        JobManager first = manager(store, jobs.heldClient());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(first.submit(request("job " + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.server().submitCalls() == 1);
        first.close();
        jobs.releaseFirstPoll();

        JobManager next = manager(store, jobs.server().client(jobs.clock()));
        assertThat(next.resumeAll()).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(ending(next, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(jobs.server().accepted)
                .extracting(SubmitBody::prompt)
                .containsExactly("job 0", "job 1", "job 2", "job 3", "job 4");
    }

    // --- set-up ---

    private JobManager manager(JobStore store, ScriptedServer.Client api) {
        return manager(store, api, 1);
    }

    private JobManager manager(JobStore store, ScriptedServer.Client api, int concurrency) {
        return jobs.manager(store, "process-" + ++managers, api, concurrency);
    }
}
