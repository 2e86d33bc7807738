package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jimeng.api.HostileServer;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.DownloaderFetcher;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with the real downloader against {@link HostileServer}: an HTML page where the video
 * should be fails the job at once (one fresh link at most), and an endless video stops at the size
 * the mode and length allow, leaving no partial file.
 */
class DownloadLimitsTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock();
    private HostileServer video;
    private JobStore store;
    private JobManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        if (store != null) {
            store.close();
        }
        video.close();
    }

    private JobSnapshot run(HostileServer.Behaviour behaviour) throws Exception {
        video = HostileServer.start(behaviour);
        String base = video.url("").toString();
        ScriptedServer server = new ScriptedServer(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        store = JobStore.open(home);
        manager = new JobManager(
                store,
                server.client(clock),
                r -> new SubmitBody("jimeng_t2v_v30", r.prompt(), null, null, 42L, 121, "16:9", null, null),
                new DownloaderFetcher(new Downloader(null, clock, clock, DownloadPolicy.defaults())),
                s -> home.resolve("videos").resolve(s.id() + ".mp4"),
                clock,
                clock,
                EngineSettings.defaults().withLease("process-1", Duration.ofMinutes(2)),
                new Random(7));
        String id =
                manager.submit(new GenerationRequest("t2v_720p", "a fox", 5, 24, "16:9", List.of(), 42L, null, null));
        return assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> manager.whenTerminal(id).get(30, TimeUnit.SECONDS));
    }

    @Test
    void anHtmlPageFailsTheJobAtOnceWithOneFreshLinkAtMost() throws Exception {
        JobSnapshot job = run(HostileServer.htmlPage("text/html"));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.stopReason()).isEqualTo(StopReason.DOWNLOAD_FAILED);
        assertThat(job.errorCode()).isEqualTo("not-mp4");
        assertThat(job.errorMessage()).contains("the video link served text/html, not an MP4");
        assertThat(video.requests()).isBetween(1, 2);
        Duration slept = clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isLessThan(Duration.ofMinutes(1));
        assertThat(home.resolve("videos")).isEmptyDirectory();
    }

    @Test
    void anEndlessVideoStopsAtTheSizeItsModeAndLengthAllow() throws Exception {
        JobSnapshot job = run(HostileServer.endlessVideo());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.errorMessage()).contains("larger than");
        long limit = DownloadStep.videoSizeLimit(Capabilities.mode("t2v_720p").orElseThrow(), 5);
        assertThat(limit)
                .isGreaterThan(Capabilities.expectedVideoBytes(
                        Capabilities.mode("t2v_720p").orElseThrow(), 5));
        assertThat(video.requests()).isEqualTo(1);
        assertThat(video.bodyBytesSent()).isLessThan(limit + 32L * 1024 * 1024);
        try (var files = Files.list(home.resolve("videos"))) {
            assertThat(files).isEmpty();
        }
    }
}
