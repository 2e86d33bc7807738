package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.e2e.Await;
import dev.jimeng.e2e.JimengProcess;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.e2e.TcpRelay;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real jimeng processes on one journal: the second leaves the first's jobs alone while the
 * first lives (its leases), and carries them to the end as soon as the first is killed.
 */
class SecondProcessIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aSecondJimengWatchesTheFirstsJobsWithoutTouchingThemAndTakesOverWhenTheFirstIsKilled() throws Exception {
        Path home = temp.resolve("home");
        Path videos = temp.resolve("videos");
        Path batch = temp.resolve("prompts.txt");
        Files.writeString(batch, "a lighthouse at dusk\na harbour at dawn\n");
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                        .queueDuration(Duration.ofMillis(200))
                        .generateDuration(Duration.ofMillis(1500))
                        .concurrencyLimit(2)
                        .qpsLimit(1000)
                        .build());
                // the second process reaches the server only through this relay: it counts B's connections
                TcpRelay secondsLine = new TcpRelay(sandbox.port())) {
            Map<String, String> envA = JimengProcess.environment(sandbox, home, videos);
            Map<String, String> envB = new HashMap<>(envA);
            envB.put("JIMENG_VIDEO_API_URL", secondsLine.baseUrl());

            // A's downloads crawl (every video GET is cut short), so A is still busy when B has started
            sandbox.faults().truncateNextDownloads(Integer.MAX_VALUE, 150_000);
            try (JimengProcess a = JimengProcess.start(temp.resolve("a"), envA, "batch", batch.toString(), "--yes")) {
                Await.until(
                        PATIENCE,
                        "A's two tasks are accepted and polled",
                        () -> SandboxLog.polledTaskIds(sandbox).size() == 2,
                        () -> SandboxLog.summary(sandbox) + "\n" + a.describe());
                try (JimengProcess b = JimengProcess.start(temp.resolve("b"), envB, "jobs", "--resume")) {
                    bLeavesAsJobsAloneThenTakesOverWhenAIsKilled(sandbox, secondsLine, home, videos, a, b);
                }
            }

            assertThat(sandbox.submitCount()).as("submits, in all").isEqualTo(2);
            List<JobRecord> jobs = journal(home);
            assertThat(jobs).extracting(JobRecord::state).containsOnly(JobState.DONE);
            assertThat(jobs).extracting(JobRecord::leaseOwner).containsOnlyNulls();
            for (JobRecord job : jobs) {
                assertThat(job.outputPath()).isRegularFile();
                assertThat(job.bytes()).isEqualTo(Files.size(job.outputPath()));
                assertThat(job.sha256()).isEqualTo(FileHash.sha256(job.outputPath()));
            }
            assertThat(partFiles(videos)).as(".part files left").isZero();
        }
    }

    private static void bLeavesAsJobsAloneThenTakesOverWhenAIsKilled(
            SandboxServer sandbox, TcpRelay secondsLine, Path home, Path videos, JimengProcess a, JimengProcess b)
            throws Exception {
        List<String> ids = journal(home).stream().map(JobRecord::id).toList();
        Await.until(
                PATIENCE,
                "B has picked up both jobs from the journal and watches them",
                () -> ids.stream().allMatch(id -> b.stdout().contains(id)),
                b::describe);

        Await.until(
                PATIENCE,
                "A is downloading both videos",
                () -> journal(home).stream().allMatch(j -> j.state() == JobState.DOWNLOADING) && partFiles(videos) == 2,
                () -> journal(home) + "\n" + a.describe());

        assertThat(secondsLine.connections())
                .as("connections B made to the server while A was alive (no poll, no download)")
                .isZero();
        assertThat(journal(home))
                .extracting(JobRecord::leaseOwner)
                .as("lease owners while both run")
                .allMatch(owner -> owner.startsWith("pid" + a.pid() + "-"));
        assertThat(b.isAlive()).isTrue();

        a.kill();
        sandbox.faults().truncateNextDownloads(0, 0);
        assertThat(b.awaitExit(PATIENCE)).as(b::describe).isZero();
        assertThat(secondsLine.connections())
                .as("B took over and talked to the server")
                .isPositive();
    }

    private static List<JobRecord> journal(Path home) {
        if (!Files.exists(home.resolve(JobStore.FILE_NAME))) {
            return List.of();
        }
        try (JobStore store = JobStore.open(home)) {
            return store.list(JobQuery.newest(100));
        }
    }

    private static long partFiles(Path videos) {
        if (!Files.isDirectory(videos)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(videos)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }
}
