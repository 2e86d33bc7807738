package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queued jobs wait for a server slot without a thread of their own (memory: 10,000 queued jobs are
 * 10,000 small objects, not parked threads), are sent in the order they were queued, and can be
 * canceled before their thread ever starts.
 */
class QueuedRunsTest {
    @TempDir
    Path home;

    private VideoServer video;
    private ScriptedServer server;
    private final ManualClock clock = new ManualClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Holds the first poll, so the first job keeps the only server slot until the test lets it go. */
    private final CountDownLatch firstPollGate = new CountDownLatch(1);

    @BeforeEach
    void startServers() throws Exception {
        video = new VideoServer();
        video.videoBytes = 2_000;
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
    void queuedJobsHaveNoThreadUntilASlotFreesAndAreSentInTheOrderQueued() throws Exception {
        JobManager manager = manager(store(), heldClient());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(manager.submit(request("job " + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 1);

        // the job at the server, and the next in line, ready to send
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.tasksWaitingForSlot() == 29);
        assertThat(manager.runsOnThreads()).isEqualTo(2);

        firstPollGate.countDown();
        for (String id : ids) {
            assertThat(ending(manager, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(server.accepted)
                .extracting(SubmitBody::prompt)
                .containsExactlyElementsOf(
                        IntStream.range(0, 30).mapToObj(i -> "job " + i).toList());
    }

    @Test
    void aWaveOfSlotsFreeingAtOnceFindsARunReadyInLineForEach() throws Exception {
        JobManager manager = manager(store(), heldClient(), 3);
        for (int i = 0; i < 20; i++) {
            manager.submit(request("job " + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 3);

        // three at the server, three in line with their leases taken (ready to send), the rest threadless
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.runsOnThreads() == 6);
        assertThat(manager.tasksWaitingForSlot()).isEqualTo(17);
        assertThat(manager.runsOnThreads()).isEqualTo(6);
    }

    @Test
    void aJobCanceledBeforeItsThreadStartedEndsAtOnceAndIsNeverSent() throws Exception {
        JobStore store = store();
        JobManager manager = manager(store, heldClient());
        String first = manager.submit(request("first"));
        String next = manager.submit(request("next in line"));
        String second = manager.submit(request("second"));
        String third = manager.submit(request("third"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 1);

        assertThat(manager.cancel(second, false).state()).isEqualTo(JobState.CANCELED);

        assertThat(ending(manager, second).state()).isEqualTo(JobState.CANCELED);
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.tasksWaitingForSlot() == 2);
        firstPollGate.countDown();
        assertThat(ending(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(ending(manager, next).state()).isEqualTo(JobState.DONE);
        assertThat(ending(manager, third).state()).isEqualTo(JobState.DONE);
        assertThat(server.accepted).extracting(SubmitBody::prompt).containsExactly("first", "next in line", "third");
        assertThat(store.get(second).orElseThrow().state()).isEqualTo(JobState.CANCELED);
    }

    @Test
    void queuedJobsLeftAtCloseAreSentInOrderByTheNextStart() throws Exception {
        JobStore store = store();
        JobManager first = manager(store, heldClient());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(first.submit(request("job " + i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.submitCalls() == 1);
        first.close();
        firstPollGate.countDown();

        JobManager next = manager(store, server.client(clock));
        assertThat(next.resumeAll()).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(ending(next, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(server.accepted)
                .extracting(SubmitBody::prompt)
                .containsExactly("job 0", "job 1", "job 2", "job 3", "job 4");
    }

    // --- set-up ---

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

    private JobManager manager(JobStore store, ScriptedServer.Client api) {
        return manager(store, api, 1);
    }

    private JobManager manager(JobStore store, ScriptedServer.Client api, int concurrency) {
        EngineSettings settings = EngineSettings.defaults()
                .withLease("process-" + toClose.size(), Duration.ofSeconds(30))
                .withServerConcurrency(concurrency)
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
