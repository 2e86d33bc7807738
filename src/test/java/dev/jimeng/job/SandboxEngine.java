package dev.jimeng.job;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.DownloaderFetcher;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The real engine wired the way {@code App} wires it (HTTP client, resumable downloader, SQLite
 * journal, real clock and sleeps), pointed at a sandbox, with quick polls and back-offs so fault
 * tests finish in seconds.
 */
final class SandboxEngine implements AutoCloseable {
    final JobStore store;
    final JobManager jobs;
    final Path videos;

    SandboxEngine(SandboxServer sandbox, Path dir, EngineSettings settings) {
        Clock clock = Clock.systemUTC();
        this.videos = dir.resolve("videos");
        this.store = JobStore.open(dir.resolve("home"));
        RequestValidator validator = new RequestValidator(dir);
        DownloadPolicy downloads = new DownloadPolicy(
                8, Duration.ofMillis(20), Duration.ofMillis(200), new Random(1), Duration.ofSeconds(10), 64 * 1024);
        this.jobs = new JobManager(
                store,
                new HttpJimengApi(URI.create(sandbox.baseUrl()), sandbox.credentials(), clock, Duration.ofSeconds(10)),
                request -> validator.validate(request).body(),
                new DownloaderFetcher(new Downloader(null, clock, Sleeper.SYSTEM, downloads)),
                job -> videos.resolve(job.taskId() + ".mp4"),
                clock,
                Sleeper.SYSTEM,
                settings);
    }

    /** Two at the server, a poll every 50 ms, back-offs from 20 ms to 200 ms, 20 errors in a row allowed. */
    static EngineSettings quickSettings(int serverConcurrency) {
        return EngineSettings.defaults()
                .withServerConcurrency(serverConcurrency)
                .withPollInterval(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 20);
    }

    static GenerationRequest request(String prompt) {
        return new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), null, null, null);
    }

    @Override
    public void close() {
        jobs.close();
        store.close();
    }
}
