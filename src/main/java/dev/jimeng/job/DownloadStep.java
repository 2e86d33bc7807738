package dev.jimeng.job;

import dev.jimeng.api.TaskResult;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.store.JobChanges;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.text.SecretText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The download step of a {@link JobRun}: fetch the video of a done task (a fresh URL from {@link
 * PollStep} when the last one expired), verify its size and MP4 signature, end the job done and then
 * journal its SHA-256; or record a video a crash left finished in place instead of downloading it twice.
 */
final class DownloadStep {
    private static final long PROGRESS_BYTES = 256 * 1024;
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);
    /** A video may be this many times its expected size, plus {@link #SIZE_SLACK}, before it is cut off. */
    private static final int SIZE_MARGIN = 4;

    private static final long SIZE_SLACK = 32L * 1024 * 1024;
    /** The longest a done video's download, and then its hash, waits for the server slots' handovers to end. */
    static final Duration HANDOVER_WAIT_LIMIT = Duration.ofSeconds(2);

    private final JobRun run;
    private final JobManager engine;
    private final PollStep poll;

    private volatile long bytesDownloaded = -1;
    private volatile long bytesTotal = -1;
    private long lastProgressBytes;
    private Instant lastProgressAt = Instant.MIN;

    DownloadStep(JobRun run, JobManager engine, PollStep poll) {
        this.run = run;
        this.engine = engine;
        this.poll = poll;
    }

    /** Bytes of the video written so far, -1 before the download starts (for snapshots). */
    long bytesDownloaded() {
        return bytesDownloaded;
    }

    /** The video's size, -1 while unknown. */
    long bytesTotal() {
        return bytesTotal;
    }

    /**
     * A process killed between renaming the finished video into place and journaling "done"
     * leaves the video at the journaled target and no partial file. The rename only ever follows a
     * verified download, and a target never names an existing file, so that file is this job's
     * video: record it instead of downloading a second copy.
     */
    boolean finishedBeforeTheCrash() throws InterruptedException {
        Path target = run.job().outputPath();
        try {
            if (target == null
                    || !Files.isRegularFile(target)
                    || Files.exists(target.resolveSibling(target.getFileName() + ".part"))
                    || !looksLikeMp4(target)) {
                return false;
            }
            finish(target);
            long size = Files.size(target);
            bytesDownloaded = size;
            bytesTotal = size;
            run.end(JobState.DONE, JobChanges.verified(target, size, engine.hasher.sha256(target)));
            return true;
        } catch (IOException e) {
            return false; // not readable: download it again as usual
        }
    }

    void download() throws InterruptedException {
        run.releaseSlot();
        // The policy sees the journaled path (the user's file or folder, or an interrupted download's
        // target) and returns where to write: never an existing file, the same path to resume a .part.
        Path target = engine.downloadTarget(run.id(), run.snapshot());
        run.transition(JobState.DOWNLOADING, JobChanges.output(target));
        poll.tellSeenDone(); // journaled: the history of its kind now counts it
        bytesDownloaded = 0;
        run.publish();
        awaitNoHandover();
        int refreshes = 0;
        int errors = 0;
        boolean servedNonVideo = false;
        long maxBytes = maxVideoBytes();
        while (true) {
            run.checkOpen();
            run.keepLease();
            if (poll.videoUrl() == null || !run.now().isBefore(poll.videoUrlExpiresAt())) {
                TaskResult fresh = poll.getResult();
                if (fresh == null) {
                    return;
                }
                if (fresh.status().terminal() && fresh.status() != dev.jimeng.api.TaskStatus.DONE) {
                    run.expire(fresh.status().wire());
                    return;
                }
                if (fresh.status() != dev.jimeng.api.TaskStatus.DONE) {
                    run.fail(
                            StopReason.POLL_GAVE_UP,
                            "not-done",
                            "the server says task " + run.job().taskId() + " is "
                                    + fresh.status().wire() + ", not done");
                    return;
                }
                if (!poll.takeVideoUrl(fresh)) {
                    return;
                }
            }
            URI url = parseVideoUrl(poll.videoUrl());
            if (url == null) {
                return;
            }
            FetchResult fetched;
            try {
                fetched = engine.fetcher.fetch(url, target, maxBytes, this::progress);
            } catch (FetchException e) {
                switch (e.kind()) {
                    case URL_EXPIRED -> {
                        poll.forgetVideoUrl(); // ask get-result for a fresh one (valid within 12 h of submit)
                        if (++refreshes > engine.settings.maxUrlRefreshes()) {
                            run.fail(
                                    StopReason.DOWNLOAD_FAILED,
                                    "url-expired",
                                    "the video URL stopped working " + dev.jimeng.text.Words.count(refreshes, "time")
                                            + " in a row (" + e.getMessage() + ")");
                            return;
                        }
                    }
                    case TRANSIENT -> {
                        if (++errors > engine.settings.maxTransientErrors()) {
                            run.fail(StopReason.DOWNLOAD_FAILED, "download-failed", e.getMessage());
                            return;
                        }
                        engine.sleeper.sleep(engine.backoff.delay(errors));
                    }
                    case FATAL -> {
                        run.fail(StopReason.DOWNLOAD_FAILED, "download-failed", e.getMessage());
                        return;
                    }
                    case NOT_VIDEO -> {
                        // an error page where the video belongs: a fresh link may be a real one, once
                        if (servedNonVideo) {
                            run.fail(StopReason.DOWNLOAD_FAILED, "not-mp4", e.getMessage());
                            return;
                        }
                        servedNonVideo = true;
                        poll.forgetVideoUrl();
                    }
                }
                continue;
            }
            Verdict verdict = verify(target, fetched);
            if (verdict == Verdict.OK) {
                return;
            }
            if (verdict == Verdict.TRUNCATED && ++errors <= engine.settings.maxTransientErrors()) {
                deleteQuietly(target);
                engine.sleeper.sleep(engine.backoff.delay(errors));
                continue;
            }
            return;
        }
    }

    /**
     * The server's video URL, or null (the job has failed) when it is not an http(s) URL: the
     * message names it without its query, which holds the signature and token.
     */
    private URI parseVideoUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            url = null;
        }
        String scheme =
                url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url != null && (scheme.equals("https") || scheme.equals("http"))) {
            return url;
        }
        run.fail(
                StopReason.DOWNLOAD_FAILED,
                "bad-video-url",
                "the server gave task " + run.job().taskId() + " a video URL that is not a valid http(s) URL ("
                        + SecretText.url(text) + "); a later 'retry' asks for a fresh one");
        return null;
    }

    private long maxVideoBytes() {
        var request = run.job().request();
        int seconds = request.durationSeconds() == null ? Capabilities.DEFAULT_DURATION : request.durationSeconds();
        return Capabilities.mode(request.mode())
                .map(mode -> videoSizeLimit(mode, seconds))
                .orElse(Long.MAX_VALUE);
    }

    /**
     * The most bytes a video of this mode and length may have: a generous multiple of the expected
     * size, so only an endless or wrong body reaches it.
     */
    static long videoSizeLimit(ModeSpec mode, int seconds) {
        return Capabilities.expectedVideoBytes(mode, seconds) * SIZE_MARGIN + SIZE_SLACK;
    }

    private void progress(long soFar, long total) {
        bytesDownloaded = soFar;
        bytesTotal = total;
        Instant now = run.now();
        boolean due = soFar - lastProgressBytes >= PROGRESS_BYTES
                || !now.isBefore(lastProgressAt.plus(PROGRESS_INTERVAL))
                || (total >= 0 && soFar >= total);
        if (due) {
            lastProgressBytes = soFar;
            lastProgressAt = now;
            engine.events.publish(run.snapshot());
            engine.leases.renewAllIfDue();
        }
    }

    private enum Verdict {
        OK,
        TRUNCATED,
        FAILED
    }

    /** Checks size and MP4 signature, finishes the job, then journals the video's SHA-256. */
    private Verdict verify(Path target, FetchResult fetched) {
        try {
            long size = Files.size(target);
            if (size == 0
                    || size != fetched.bytes()
                    || (fetched.declaredLength() >= 0 && size != fetched.declaredLength())) {
                return Verdict.TRUNCATED;
            }
            if (!looksLikeMp4(target)) {
                run.fail(
                        StopReason.DOWNLOAD_FAILED,
                        "not-mp4",
                        "the downloaded file " + target + " is not an MP4 video");
                return Verdict.FAILED;
            }
            // the journal records the file as it is on disk once finished, not as downloaded
            boolean changed = finish(target);
            String sha256 = changed ? null : fetched.sha256();
            size = Files.size(target);
            bytesDownloaded = size;
            bytesTotal = size;
            // DONE as soon as the video is verified and in place; its SHA-256 (a few hundred MB/s of
            // CPU) follows, so a job's completion never waits for the hash
            run.end(JobState.DONE, JobChanges.verified(target, size, sha256));
            if (sha256 == null) {
                awaitNoHandover();
                recordSha256(target);
            }
            return Verdict.OK;
        } catch (IOException e) {
            run.fail(
                    StopReason.DOWNLOAD_FAILED,
                    "download-failed",
                    "cannot read the downloaded file " + target + ": " + e.getMessage());
            return Verdict.FAILED;
        }
    }

    /**
     * Runs the engine's {@link VideoFinisher} on a verified video; true when it changed the file. A
     * finisher that fails leaves the file as it was, and the video is kept as downloaded.
     */
    private boolean finish(Path video) {
        try {
            return engine.videoFinisher().finish(run.job(), video);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The download and the hash can wait: a next job's submit on a freed slot cannot (its time at the
     * server starts when it arrives), and on a busy machine their CPU and disk slow it. Waits at most
     * {@link #HANDOVER_WAIT_LIMIT}, so a long line of handovers never holds a video back for long; a
     * video's link lasts an hour.
     */
    private void awaitNoHandover() {
        try {
            engine.slots.awaitNoHandover(HANDOVER_WAIT_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: what follows sees it (checkOpen() ends a download)
        }
    }

    private void recordSha256(Path video) {
        try {
            run.recordSha256(engine.hasher.sha256(video));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the job is done, only its hash is missing
        } catch (IOException e) {
            // the job is done and its video verified; only its hash is missing from the journal
        }
    }

    private static boolean looksLikeMp4(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Mp4Signature.problem(in.readNBytes(Mp4Signature.HEAD_BYTES), Files.size(file)) == null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next download overwrites it
        }
    }
}
