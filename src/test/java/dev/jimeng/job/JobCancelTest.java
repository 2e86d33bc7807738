package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel: a job not sent yet ends as canceled and is never sent by this process, another one, or a
 * later start; a task at the server is only forgotten on the user's word, and can be picked up again.
 */
class JobCancelTest {
    @TempDir
    Path home;

    private VideoServer video;
    private ScriptedServer server;
    private final ManualClock clock = new ManualClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Holds the first poll, so the first job keeps the only server slot as long as a test needs. */
    private final CountDownLatch firstPollGate = new CountDownLatch(1);

    @BeforeEach
    void startServers() throws Exception {
        video = new VideoServer();
        server = new ScriptedServer(video.base());
    }

    @AfterEach
    void closeAll() throws Exception {
        firstPollGate.countDown();
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        video.close();
    }

    @Test
    void aJobCanceledWhileItWaitsForASlotIsNeverSentByThisOrALaterStart() throws Exception {
        JobStore store = store();
        JobManager manager = manager(store, "process-1", heldClient());
        String a = manager.submit(request("first"));
        String b = manager.submit(request("second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 1);
        // the two jobs race for the only slot: cancel whichever is still waiting
        String second = manager.job(a).orElseThrow().state() == JobState.QUEUED ? a : b;
        String first = second.equals(a) ? b : a;

        JobSnapshot canceled = manager.cancel(second, false);

        assertThat(canceled.state()).isEqualTo(JobState.CANCELED);
        assertThat(canceled.stopReason()).isEqualTo(StopReason.CANCELED);
        assertThat(ending(manager, second).state()).isEqualTo(JobState.CANCELED);
        firstPollGate.countDown();
        assertThat(ending(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(server.submitCalls()).isEqualTo(1);

        manager.close();
        JobManager later = manager(store, "process-2", server.client(clock));
        assertThat(later.resumeAll()).doesNotContain(second);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aJobCanceledByAnotherProcessWhileThisOneHoldsItIsNeverSent() throws Exception {
        JobManager holder = manager(store(), "process-1", heldClient());
        String a = holder.submit(request("first"));
        String b = holder.submit(request("second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 1);
        String second = holder.job(a).orElseThrow().state() == JobState.QUEUED ? a : b;
        String first = second.equals(a) ? b : a;

        JobManager other = manager(store(), "process-2", server.client(clock));
        assertThat(other.cancel(second, false).state()).isEqualTo(JobState.CANCELED);
        firstPollGate.countDown();

        assertThat(ending(holder, first).state()).isEqualTo(JobState.DONE);
        assertThat(ending(holder, second).state()).isEqualTo(JobState.CANCELED);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aTaskAtTheServerIsForgottenOnlyOnTheUsersWordAndCanBePickedUpAgain() throws Exception {
        ScriptedServer.Client api = heldClient();
        JobManager manager = manager(store(), "process-1", api);
        String id = manager.submit(request("at the server"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.polls.get() == 1);

        assertThatThrownBy(() -> manager.cancel(id, false))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.AT_SERVER));
        JobSnapshot forgotten = manager.cancel(id, true);
        firstPollGate.countDown();

        assertThat(forgotten.state()).isEqualTo(JobState.CANCELED);
        assertThat(forgotten.stopReason()).isEqualTo(StopReason.FORGOTTEN);
        JobSnapshot ended = ending(manager, id);
        assertThat(ended.state()).isEqualTo(JobState.CANCELED);
        assertThat(ended.outputPath()).as("its video is not downloaded").isNull();
        assertThat(NextSteps.of(ended, clock.instant())).containsExactly(NextSteps.Step.POLL_AGAIN);

        assertThat(manager.retry(id, false)).isEqualTo(id);
        assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aJobThatHasEndedHasNothingToCancel() throws Exception {
        JobManager manager = manager(store(), "process-1", server.client(clock));
        firstPollGate.countDown();
        String id = manager.submit(request("quick"));
        assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);

        assertThatThrownBy(() -> manager.cancel(id, true))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_ENDED));
    }

    // --- set-up ---

    /** A client whose first poll waits for the gate. */
    private ScriptedServer.Client heldClient() {
        ScriptedServer.Client api = server.client(clock);
        api.beforePoll = () -> {
            try {
                firstPollGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return api;
    }

    private JobStore store() {
        JobStore store = JobStore.open(home);
        toClose.add(store);
        return store;
    }

    private JobManager manager(JobStore store, String owner, ScriptedServer.Client api) {
        EngineSettings settings = EngineSettings.defaults()
                .withLease(owner, Duration.ofSeconds(30))
                .withServerConcurrency(1)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 20);
        JobManager manager = new JobManager(
                store,
                api,
                r -> new SubmitBody("jimeng_t2v_v30", r.prompt(), null, null, 42L, 121, "16:9", null, null),
                new HttpVideoFetcher(),
                s -> home.resolve("videos").resolve(s.id() + ".mp4"),
                clock,
                clock,
                settings,
                new Random(7));
        toClose.add(manager);
        return manager;
    }

    private static GenerationRequest request(String prompt) {
        return new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), 42L, null, null);
    }

    private static JobSnapshot ending(JobManager manager, String id) throws Exception {
        return manager.whenTerminal(id).get(20, TimeUnit.SECONDS);
    }
}
