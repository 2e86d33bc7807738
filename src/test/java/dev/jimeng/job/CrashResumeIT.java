package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.e2e.Await;
import dev.jimeng.e2e.JimengProcess;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.e2e.Videos;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash check: a real jimeng JVM is killed with SIGKILL in the middle of a batch, once
 * while its tasks are being polled and once while videos are being downloaded, and a restarted
 * jimeng finishes every job from the journal without submitting anything twice.
 */
class CrashResumeIT {
    private static final int JOBS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A 5-second video: 121 frames at 24 fps. */
    private static final double VIDEO_SECONDS = 121 / 24.0;

    @TempDir
    Path temp;

    private SandboxServer sandbox;
    private Path home;
    private Path videos;
    private Map<String, String> env;

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(200))
                .generateDuration(Duration.ofMillis(2500))
                .concurrencyLimit(2)
                .qpsLimit(200)
                .build());
        home = temp.resolve("home");
        videos = temp.resolve("videos");
        env = new HashMap<>(JimengProcess.environment(sandbox, home, videos));
        env.put("JIMENG_CONCURRENCY", "2");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aBatchKilledWhilePollingAndAgainWhileDownloadingFinishesEveryJobWithExactlyOneSubmitEach() throws Exception {
        Path batch = temp.resolve("prompts.txt");
        Files.writeString(
                batch,
                Stream.of("a red fox", "a blue whale", "a green parrot", "a grey owl")
                        .collect(Collectors.joining("\n")));

        // 1. Killed while polling: two tasks accepted and polled, two jobs still waiting for a slot.
        try (JimengProcess first = JimengProcess.start(temp.resolve("run1"), env, "batch", batch.toString(), "--yes")) {
            Await.until(
                    PATIENCE,
                    "two tasks were accepted and both are being polled",
                    () -> SandboxLog.acceptedSubmits(sandbox) == 2
                            && SandboxLog.polledTaskIds(sandbox).size() == 2,
                    () -> SandboxLog.summary(sandbox) + "\n" + first.describe());
            first.kill();
        }
        assertThat(sandbox.submitCount()).as("submits before the first crash").isEqualTo(2);
        assertThat(sandbox.downloadCount())
                .as("no download had started: the crash was during polling")
                .isZero();
        Map<JobState, Long> afterFirstCrash = states();
        assertThat(afterFirstCrash.keySet()).isSubsetOf(JobState.QUEUED, JobState.IN_QUEUE, JobState.GENERATING);
        assertThat(afterFirstCrash.get(JobState.QUEUED))
                .as("jobs still waiting for a slot")
                .isEqualTo(2);

        // 2. Killed while downloading: every download is cut short, so the .part files only grow.
        sandbox.faults().truncateNextDownloads(Integer.MAX_VALUE, 150_000);
        try (JimengProcess second = JimengProcess.start(temp.resolve("run2"), env, "jobs", "--resume")) {
            Await.until(
                    PATIENCE,
                    "all four tasks are accepted and polled and a download is under way",
                    () -> SandboxLog.polledTaskIds(sandbox).size() == JOBS
                            && partFiles().stream().anyMatch(p -> size(p) > 0),
                    () -> SandboxLog.summary(sandbox) + " parts=" + partFiles() + "\n" + second.describe());
            second.kill();
        }
        assertThat(sandbox.submitCount()).as("submits before the second crash").isEqualTo(JOBS);
        assertThat(states()).containsKey(JobState.DOWNLOADING).doesNotContainKey(JobState.DONE);
        assertThat(partFiles()).as("half-downloaded videos left by the crash").isNotEmpty();

        // 3. A healthy restart carries everything to the end.
        sandbox.faults().truncateNextDownloads(0, 0);
        try (JimengProcess third = JimengProcess.start(temp.resolve("run3"), env, "jobs", "--resume")) {
            assertThat(third.awaitExit(Duration.ofSeconds(60)))
                    .as(third::describe)
                    .isZero();
        }

        assertThat(sandbox.submitCount())
                .as("submits the sandbox received, in all")
                .isEqualTo(JOBS);
        assertThat(SandboxLog.acceptedSubmits(sandbox)).isEqualTo(JOBS);
        assertEveryJobDoneWithItsVerifiedFile();
    }

    private void assertEveryJobDoneWithItsVerifiedFile() throws Exception {
        List<JobRecord> jobs = journal();
        assertThat(jobs).hasSize(JOBS);
        assertThat(jobs).extracting(JobRecord::state).containsOnly(JobState.DONE);
        assertThat(jobs).extracting(JobRecord::submitAttempts).containsOnly(1);
        assertThat(jobs.stream().map(JobRecord::taskId).collect(Collectors.toSet()))
                .as("one distinct task per job, all of them polled at the sandbox")
                .hasSize(JOBS)
                .isEqualTo(SandboxLog.polledTaskIds(sandbox));
        try (Stream<Path> files = Files.list(videos)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the video folder holds the four videos, their metadata sidecars and nothing else"
                            + " (no .part, no .rejected)")
                    .hasSize(2 * JOBS)
                    .allMatch(name -> name.endsWith(".mp4") || name.endsWith(".mp4.json"));
        }
        for (JobRecord job : jobs) {
            Path file = job.outputPath();
            assertThat(file).as("video of job %s", job.id()).isRegularFile().hasParent(videos);
            assertThat(job.bytes()).as("journaled size of %s", file).isEqualTo(Files.size(file));
            assertThat(job.sha256()).as("journaled SHA-256 of %s", file).isEqualTo(FileHash.sha256(file));
            assertThat(Videos.durationSeconds(file))
                    .as("ffprobe duration of %s", file)
                    .isCloseTo(VIDEO_SECONDS, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    private List<JobRecord> journal() {
        try (JobStore store = JobStore.open(home)) {
            return store.list(JobQuery.newest(100));
        }
    }

    private Map<JobState, Long> states() {
        return journal().stream().collect(Collectors.groupingBy(JobRecord::state, Collectors.counting()));
    }

    private List<Path> partFiles() {
        if (!Files.isDirectory(videos)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(videos)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
