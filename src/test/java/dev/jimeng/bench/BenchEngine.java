package dev.jimeng.bench;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.DownloaderFetcher;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.Sleeper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@link JobManager} (SQLite journal, HTTP client, resumable downloader) against a sandbox, wired
 * like {@code App.jobs()}, with its journal and videos in a folder of its own.
 */
final class BenchEngine {
    static final Clock CLOCK = Clock.systemUTC();

    private BenchEngine() {}

    /** A 5 s text-to-video job of the default mode with this prompt and seed. */
    static GenerationRequest textJob(String prompt, long seed) {
        return new GenerationRequest(
                Capabilities.DEFAULT_MODE,
                prompt,
                5,
                24,
                Capabilities.DEFAULT_ASPECT_RATIO,
                List.of(),
                seed,
                null,
                null);
    }

    /** What {@link #runAll} did: when its first submit was made, and the jobs, in the order sent. */
    record Run(Instant started, List<JobSnapshot> finished) {}

    /** Submits every request at once and waits for each to end; throws unless all are DONE. */
    static Run runAll(SandboxServer sandbox, EngineSettings settings, List<GenerationRequest> requests, Path work)
            throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        try (JobStore store = JobStore.open(work.resolve("state"))) {
            RequestValidator validator = new RequestValidator(work);
            HttpJimengApi api = new HttpJimengApi(
                    URI.create(sandbox.baseUrl()), sandbox.credentials(), CLOCK, Duration.ofSeconds(30));
            Downloader downloader = new Downloader(null, CLOCK, Sleeper.SYSTEM, DownloadPolicy.defaults());
            try (JobManager engine = new JobManager(
                    store,
                    api,
                    request -> validator.validate(request).body(),
                    new DownloaderFetcher(downloader),
                    job -> videos.resolve(job.id() + ".mp4"),
                    CLOCK,
                    Sleeper.SYSTEM,
                    settings)) {
                Instant started = CLOCK.instant();
                List<String> ids = new ArrayList<>();
                for (GenerationRequest request : requests) {
                    ids.add(engine.submit(request));
                }
                List<JobSnapshot> finished = new ArrayList<>();
                for (String id : ids) {
                    JobSnapshot done = engine.awaitTerminal(id);
                    if (done.state() != JobState.DONE) {
                        throw new IllegalStateException("job " + id + " ended " + done.state() + ": " + done.errorCode()
                                + " " + done.errorMessage());
                    }
                    finished.add(done);
                }
                return new Run(started, finished);
            }
        }
    }
}
