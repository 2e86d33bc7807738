package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load check: many jobs in one process against the sandbox, which asserts on its side
 * that the account's concurrency limit held at every instant; and rate limiting handled by backing off.
 */
class JobEngineScaleIT {
    @TempDir
    Path dir;

    @Test
    void twoHundredJobsCompleteWithoutEverExceedingTheServersConcurrencyLimit() throws Exception {
        int jobs = 200;
        int limit = 5;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                        .queueDuration(Duration.ofMillis(20))
                        .generateDuration(Duration.ofMillis(50))
                        .concurrencyLimit(limit)
                        .qpsLimit(100_000)
                        .build());
                SandboxEngine engine = new SandboxEngine(
                        sandbox, dir, SandboxEngine.quickSettings(limit).withPollInterval(Duration.ofMillis(20)))) {
            List<String> ids = IntStream.rangeClosed(1, jobs)
                    .mapToObj(i -> engine.jobs.submit(SandboxEngine.request("crowd scene " + i)))
                    .toList();
            List<JobSnapshot> ends = FinishedJobs.await(engine.jobs, ids, 90);

            assertThat(sandbox.maxConcurrentTasks())
                    .as("most tasks running at once at the sandbox (checked at every admit)")
                    .isLessThanOrEqualTo(limit)
                    .isGreaterThan(1);
            assertThat(SandboxLog.answersWithCode(sandbox, 50430))
                    .as("submits refused for the concurrency limit")
                    .isZero();
            assertThat(sandbox.submitCount()).isEqualTo(jobs);
            assertThat(sandbox.taskCount()).isEqualTo(jobs);
            FinishedJobs.assertAllDoneAndIntact(engine.store, ends, engine.videos);
        }
    }

    @Test
    void aLowRateLimitIsMetWithBackOffAndEveryJobStillFinishesOnce() throws Exception {
        int jobs = 4;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                        .queueDuration(Duration.ofMillis(20))
                        .generateDuration(Duration.ofMillis(50))
                        .concurrencyLimit(2)
                        .qpsLimit(5)
                        .build());
                SandboxEngine engine = new SandboxEngine(
                        sandbox,
                        dir,
                        SandboxEngine.quickSettings(2)
                                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 20))) {
            List<String> ids = IntStream.rangeClosed(1, jobs)
                    .mapToObj(i -> engine.jobs.submit(SandboxEngine.request("slow lane " + i)))
                    .toList();
            List<JobSnapshot> ends = FinishedJobs.await(engine.jobs, ids, 60);

            FinishedJobs.assertAllDoneAndIntact(engine.store, ends, engine.videos);
            long refused = SandboxLog.answersWithCode(sandbox, 50429);
            assertThat(refused).as("calls refused for the rate limit").isPositive();
            assertThat(SandboxLog.acceptedSubmits(sandbox)).isEqualTo(jobs);
            assertThat(sandbox.taskCount())
                    .as("tasks created: a refused submit is sent again, never doubled")
                    .isEqualTo(jobs);
            long accepted = sandbox.requests().stream().count() - refused;
            assertThat(refused)
                    .as("refusals stay in proportion to the work done: the engine waits instead of hammering")
                    .isLessThan(accepted * 3);
        }
    }
}
