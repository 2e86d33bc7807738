package dev.jimeng.job;

import dev.jimeng.TestFolders;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension, on an instance field, for job tests that queue jobs behind one held at the
 * server: per test a JIMENG_HOME, a {@link VideoServer} with a {@link ScriptedServer} in front of
 * it, a manual clock, and a gate that holds the first poll of {@link #heldClient() held clients}.
 * After the test it opens the gate and closes the managers and stores it made, newest first.
 */
final class HeldPollJobs implements BeforeEachCallback, AfterEachCallback {
    private final ManualClock clock = new ManualClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch firstPollGate = new CountDownLatch(1);
    private Path home;
    private VideoServer video;
    private ScriptedServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("jimeng-jobs");
        video = new VideoServer();
        server = new ScriptedServer(video.base());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        firstPollGate.countDown();
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        video.close();
        TestFolders.deleteTree(home);
    }

    ManualClock clock() {
        return clock;
    }

    VideoServer video() {
        return video;
    }

    ScriptedServer server() {
        return server;
    }

    /** A client whose first poll waits for {@link #releaseFirstPoll()} (or the end of the test). */
    ScriptedServer.Client heldClient() {
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

    /** Lets the held first poll, and every later one, through. */
    void releaseFirstPoll() {
        firstPollGate.countDown();
    }

    /** The journal in this test's JIMENG_HOME, closed after the test. */
    JobStore store() {
        JobStore store = JobStore.open(home);
        toClose.add(store);
        return store;
    }

    /**
     * A manager leasing as {@code owner} for 30 s, with {@code concurrency} server slots, backing off
     * from 1 s to 10 s, downloading into this test's JIMENG_HOME; closed after the test.
     */
    JobManager manager(JobStore store, String owner, ScriptedServer.Client api, int concurrency) {
        EngineSettings settings = EngineSettings.defaults()
                .withLease(owner, Duration.ofSeconds(30))
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

    /** A 5 s t2v_720p request with seed 42. */
    static GenerationRequest request(String prompt) {
        return new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), 42L, null, null);
    }

    /** How the job ends, waiting up to 20 s for it. */
    static JobSnapshot ending(JobManager manager, String id) throws Exception {
        return manager.whenTerminal(id).get(20, TimeUnit.SECONDS);
    }
}
