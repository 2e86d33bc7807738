package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.e2e.Await;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.e2e.Videos;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault check: against the real sandbox with 30% failing polls, dropped connections,
 * truncated downloads, a concurrency limit of 2 and expiring video URLs, the real engine finishes
 * every job, and submits each exactly once.
 */
class JobEngineFaultsIT {
    private static final int JOBS = 8;

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private SandboxServer sandbox(SandboxConfig.Builder config) throws Exception {
        sandbox = SandboxServer.start(config.build());
        toClose.add(sandbox);
        return sandbox;
    }

    private SandboxEngine engine(EngineSettings settings) {
        SandboxEngine engine = new SandboxEngine(sandbox, dir, settings);
        toClose.add(engine);
        return engine;
    }

    private static SandboxConfig.Builder quickSandbox() {
        return SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(300))
                .qpsLimit(10_000);
    }

    @Test
    void everyJobFinishesOnceThroughFailingPollsDroppedConnectionsCutDownloadsAndExpiredUrls() throws Exception {
        sandbox(quickSandbox().concurrencyLimit(2).getResultFailureRate(0.3).faultSeed(7));
        sandbox.faults()
                .truncateNextDownloads(3, 100_000)
                .videoUrlLifetime(Duration.ofSeconds(-5)); // every URL handed out is already expired
        // never give up on expired URLs here: how many arrive before the switch below is a race
        SandboxEngine engine = engine(withUrlRefreshes(SandboxEngine.quickSettings(2), 10_000));

        Thread faultSwitches = Thread.ofVirtual().start(() -> {
            // the first expired URL was refused: from now on URLs live an hour, so a fresh one works
            Await.until(Duration.ofSeconds(20), "a download was refused as expired", () -> expiredDownloads() > 0);
            sandbox.faults().videoUrlLifetime(Duration.ofHours(1));
            // drops only once every task is accepted, so they hit polls and downloads, never a submit
            Await.until(
                    Duration.ofSeconds(20),
                    "every submit was accepted",
                    () -> SandboxLog.acceptedSubmits(sandbox) == JOBS);
            sandbox.faults().dropNextRequests(3);
        });

        List<String> ids = IntStream.rangeClosed(1, JOBS)
                .mapToObj(i -> engine.jobs.submit(SandboxEngine.request("fault tolerant fox " + i)))
                .toList();
        List<JobSnapshot> ends = FinishedJobs.await(engine.jobs, ids, 30);
        faultSwitches.join(Duration.ofSeconds(5));

        FinishedJobs.assertAllDoneAndIntact(engine.store, ends, engine.videos);
        assertThat(ends).allSatisfy(s -> assertThat(
                        engine.store.get(s.id()).orElseThrow().submitAttempts())
                .isEqualTo(1));
        assertThat(sandbox.submitCount()).as("submits the sandbox received").isEqualTo(JOBS);
        assertThat(SandboxLog.acceptedSubmits(sandbox)).isEqualTo(JOBS);
        assertThat(sandbox.maxConcurrentTasks()).isLessThanOrEqualTo(2);
        assertThat(SandboxLog.answersWithCode(sandbox, 50430))
                .as("50430 answers")
                .isZero();

        List<LoggedRequest> log = sandbox.requests();
        assertThat(log)
                .as("polls answered 500")
                .anyMatch(r -> r.target().equals(SandboxLog.GET_RESULT) && r.httpStatus() == 500);
        assertThat(log.stream().filter(LoggedRequest::dropped))
                .as("dropped connections, none of them a submit")
                .hasSize(3)
                .noneMatch(r -> r.target().equals(SandboxLog.SUBMIT));
        assertThat(expiredDownloads()).as("downloads refused as expired").isPositive();
        assertThat(log.stream()
                        .filter(r -> r.method().equals("GET")
                                && r.target().startsWith("/videos/")
                                && (r.httpStatus() == 200 || r.httpStatus() == 206)))
                .as("video bodies sent: one per job plus the three cut short")
                .hasSizeGreaterThanOrEqualTo(JOBS + 3);
        for (JobSnapshot end : ends.subList(0, 2)) {
            assertThat(Videos.durationSeconds(end.outputPath())).isCloseTo(121 / 24.0, Offset.offset(0.1));
        }
    }

    @Test
    void aSubmitWhoseConnectionDropsEndsSubmitUnknownAndIsNeverSentAgain() throws Exception {
        sandbox(quickSandbox().concurrencyLimit(2));
        SandboxEngine engine = engine(SandboxEngine.quickSettings(2));

        sandbox.faults().dropNextRequests(1);
        String lost = engine.jobs.submit(SandboxEngine.request("a submit into the void"));
        JobSnapshot end = FinishedJobs.await(engine.jobs, List.of(lost), 20).getFirst();

        assertThat(end.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(end.taskId()).isNull();
        assertThat(sandbox.submitCount()).isEqualTo(1);
        assertThatThrownBy(() -> engine.jobs.retry(lost, false))
                .isInstanceOfSatisfying(dev.jimeng.job.JobRefusedException.class, e -> assertThat(e.refusal())
                        .isEqualTo(dev.jimeng.job.Refusal.OUTCOME_UNKNOWN));

        // the engine carries on with other work, and still never re-sends the lost one
        String next = engine.jobs.submit(SandboxEngine.request("the next one"));
        JobSnapshot done = FinishedJobs.await(engine.jobs, List.of(next), 20).getFirst();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(sandbox.submitCount()).isEqualTo(2);
        assertThat(engine.jobs.job(lost).orElseThrow().state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
    }

    private long expiredDownloads() {
        return sandbox.requests().stream()
                .filter(r -> r.target().startsWith("/videos/") && r.httpStatus() == 403)
                .count();
    }

    private static EngineSettings withUrlRefreshes(EngineSettings s, int refreshes) {
        return new EngineSettings(
                s.serverConcurrency(),
                s.pollInterval(),
                s.maxPollAttempts(),
                s.backoffBase(),
                s.backoffMax(),
                s.maxTransientErrors(),
                s.maxSubmitRetries(),
                s.maxSlotWaits(),
                refreshes,
                s.leaseTtl(),
                s.ownerId());
    }
}
