package dev.jimeng.job;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.TaskResult;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.store.JobChanges;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.Seconds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The poll step of a {@link JobRun}: ask the server about the submitted task until it is done,
 * journaling its queue and generating states, and keep the video URL its last answer gave (the
 * download step asks again through {@link #getResult()} when that URL has expired).
 */
final class PollStep {
    private static final String MAY_STILL_FINISH = "; the task may still finish at the server";

    private final JobRun run;
    private final JobManager engine;

    private String videoUrl;
    /** When the last get-result was sent (its answer came a round trip later). */
    private Instant lastAskedAt;
    /** How long the task had been at the server when the last answer that it was not done was asked for. */
    private Duration stillRunningAt = Duration.ZERO;

    private volatile Instant videoUrlExpiresAt;

    PollStep(JobRun run, JobManager engine) {
        this.run = run;
        this.engine = engine;
    }

    /** Polls until the task is done (true, with a fresh video URL) or the job has ended (false). */
    boolean pollUntilDone() throws InterruptedException {
        if (expectedEnd().isPresent()) {
            waitToPoll(nextWait(run.now())); // the task was just accepted: nothing to learn yet
        }
        boolean tookTurn = false;
        for (int polls = 1; ; polls++) {
            TaskResult result = getResult();
            if (result == null) {
                return false;
            }
            switch (result.status()) {
                case IN_QUEUE, GENERATING -> {
                    stillRunningAt = atServer(lastAskedAt);
                    JobState now = result.status() == dev.jimeng.api.TaskStatus.IN_QUEUE
                            ? JobState.IN_QUEUE
                            : JobState.GENERATING;
                    if (run.job().state() != now) {
                        run.transition(now, JobChanges.none());
                        run.publish();
                    }
                }
                case DONE -> {
                    run.releaseSlot(); // the server has finished: let the next job in at once
                    return takeVideoUrl(result);
                }
                case NOT_FOUND, EXPIRED -> {
                    run.expire(result.status().wire());
                    return false;
                }
            }
            if (polls >= engine.settings.maxPollAttempts()) {
                Duration waited = atServer();
                run.fail(
                        StopReason.POLL_GAVE_UP,
                        "poll-timeout",
                        "task " + run.job().taskId() + " was not done after "
                                + dev.jimeng.text.Words.count(polls, "poll") + " (about " + Seconds.format(waited)
                                + " s); it may still finish at the server");
                return false;
            }
            // planned from when this poll was sent, so the round trip counts toward the wait: polls
            // follow the schedule's times at the server, not those times plus one answer each
            Duration wait = nextWait(lastAskedAt);
            if (!tookTurn && expectedEnd().isEmpty()) {
                wait = PollSchedule.staggered(wait, kind().takeTurn(), engine.slots.limit());
                tookTurn = true;
            }
            Duration answered = Duration.between(lastAskedAt, run.now());
            waitToPoll(answered.compareTo(wait) >= 0 ? Duration.ZERO : wait.minus(answered));
        }
    }

    /**
     * Sleeps {@code planned}, or less when a task of the same kind is seen done meanwhile: the history
     * then knows more, and the plan is made again ({@link PollSchedule#afterNews}); a new plan only ever
     * brings the next poll forward.
     */
    private void waitToPoll(Duration planned) throws InterruptedException {
        PollNews.Kind kind = kind();
        Instant deadline = run.now().plus(planned);
        while (true) {
            long seen = kind.seenDone().count();
            Duration left = Duration.between(run.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            if (!engine.sleeper.sleep(left, kind.seenDone(), seen)) {
                return;
            }
            Duration replanned = PollSchedule.afterNews(
                    atServer(),
                    kind.lastRanAtLeast(),
                    expectedEnd(),
                    engine.settings.pollInterval(),
                    engine.pace.factor(run.now()));
            Instant sooner = run.now().plus(replanned);
            if (sooner.isBefore(deadline)) {
                deadline = sooner;
            }
        }
    }

    private PollNews.Kind kind() {
        var request = run.job().request();
        return engine.pollNews.of(request.mode(), request.durationSeconds());
    }

    /** Tells the pollers of this kind that its task was seen done (and journaled): they may plan again. */
    void tellSeenDone() {
        kind().tellSeenDone(stillRunningAt);
    }

    /** The schedule's wait, planned from {@code from} (a poll's sending, or now). */
    private Duration nextWait(Instant from) {
        return PollSchedule.nextWait(
                atServer(from), expectedEnd(), engine.settings.pollInterval(), engine.pace.factor(run.now()));
    }

    /**
     * Read before each wait, not once: the first tasks of a kind, sent while the history is empty,
     * follow it as soon as one of them has been seen done.
     */
    private Optional<ExpectedEnd> expectedEnd() {
        var request = run.job().request();
        return engine.durations.expectedEnd(request.mode(), request.durationSeconds());
    }

    /** How long the task has been at the server (since its submit was accepted). */
    private Duration atServer() {
        return atServer(run.now());
    }

    /** How long the task had been at the server at {@code at}. */
    private Duration atServer(Instant at) {
        Instant accepted = run.job().submittedAt();
        Duration since = accepted == null ? Duration.ZERO : Duration.between(accepted, at);
        return since.isNegative() ? Duration.ZERO : since;
    }

    /**
     * One get-result, repeated with back-off over transient errors. Null when the job has ended
     * (failed or expired) instead.
     */
    TaskResult getResult() throws InterruptedException {
        for (int errors = 0; ; ) {
            run.checkOpen();
            run.keepLease();
            try {
                lastAskedAt = run.now();
                return engine.api.getResult(run.job().reqKey(), run.job().taskId());
            } catch (ApiException e) {
                ApiError error = e.error();
                if (error.category() == ErrorCategory.TASK_GONE) {
                    run.expire(error.code());
                    return null;
                }
                if (!JobRun.isTransient(error)) {
                    // a failed content review is the task's final answer: polling again cannot help
                    boolean finalAnswer = error.category() == ErrorCategory.CONTENT_REVIEW;
                    run.fail(
                            finalAnswer ? StopReason.CONTENT_REJECTED : StopReason.POLL_GAVE_UP,
                            error.code(),
                            error.describe() + (finalAnswer ? "" : MAY_STILL_FINISH));
                    return null;
                }
                if (error.category() == ErrorCategory.RATE_LIMIT) {
                    engine.pace.rateLimited(run.now()); // every task of the account polls slower
                }
                if (++errors > engine.settings.maxTransientErrors()) {
                    run.fail(
                            StopReason.POLL_GAVE_UP,
                            error.code(),
                            error.describe() + " (" + dev.jimeng.text.Words.count(errors, "time") + " in a row)"
                                    + MAY_STILL_FINISH);
                    return null;
                }
                engine.sleeper.sleep(engine.backoff.delay(errors));
            }
        }
    }

    /** Keeps the video URL of a done task; false (the job has failed) when the server gave none. */
    boolean takeVideoUrl(TaskResult result) {
        if (result.videoUrl() == null || result.videoUrl().isBlank()) {
            run.fail(
                    StopReason.POLL_GAVE_UP,
                    "no-video-url",
                    "the server says task " + run.job().taskId() + " is done but gave no video URL");
            return false;
        }
        videoUrl = result.videoUrl();
        videoUrlExpiresAt = run.now().plus(Capabilities.VIDEO_URL_LIFETIME);
        return true;
    }

    /** The last video URL, or null when there is none or it stopped working. */
    String videoUrl() {
        return videoUrl;
    }

    /** When the last video URL stops working (it is kept after the URL is forgotten), or null. */
    Instant videoUrlExpiresAt() {
        return videoUrlExpiresAt;
    }

    /** The server refused the URL: the next download asks get-result for a fresh one. */
    void forgetVideoUrl() {
        videoUrl = null;
    }
}
