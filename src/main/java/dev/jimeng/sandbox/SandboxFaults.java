package dev.jimeng.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The faults the sandbox injects, changeable while it runs so one test can break exactly the
 * request it is about. All off unless the config or a setter turns them on. Thread-safe.
 */
public final class SandboxFaults {
    private final Random random;
    private double getResultFailureRate;
    private int dropsLeft;
    private int truncationsLeft;
    private long truncateAfterBytes;
    private Integer nextSubmitCode;
    private String nextSubmitMessage;
    private int forcedSubmitsLeft;
    private Duration videoUrlLifetime;
    private String nextTaskId;
    private String nextVideoUrl;
    private Runnable beforeAccepting;

    SandboxFaults(SandboxConfig config) {
        random = new Random(config.faultSeed());
        getResultFailureRate = config.getResultFailureRate();
        dropsLeft = config.dropNextRequests();
        truncationsLeft = config.truncateNextDownloads();
        truncateAfterBytes = config.truncateAfterBytes();
        nextSubmitCode = config.failNextSubmitCode();
        forcedSubmitsLeft = nextSubmitCode == null ? 0 : 1;
        videoUrlLifetime = config.videoUrlLifetime();
    }

    /** Fraction (0..1) of GetResult calls answered HTTP 500 with code 50500. */
    public synchronized SandboxFaults getResultFailureRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1");
        }
        getResultFailureRate = rate;
        return this;
    }

    /** The next {@code count} requests of any kind get their connection closed, unanswered. */
    public synchronized SandboxFaults dropNextRequests(int count) {
        dropsLeft = count;
        return this;
    }

    /** The next {@code count} video GETs announce the full length but stop after {@code afterBytes}. */
    public synchronized SandboxFaults truncateNextDownloads(int count, long afterBytes) {
        truncationsLeft = count;
        truncateAfterBytes = afterBytes;
        return this;
    }

    /** The next submit fails with this business code (its usual HTTP status) before any check. */
    public SandboxFaults failNextSubmit(int code) {
        return failNextSubmits(code, 1);
    }

    /** The next {@code count} submits fail with this business code. */
    public synchronized SandboxFaults failNextSubmits(int code, int count) {
        nextSubmitCode = code;
        nextSubmitMessage = null;
        forcedSubmitsLeft = count;
        return this;
    }

    /**
     * The next submit fails with this business code and this message instead of the code's own
     * (say, one carrying escape sequences, as a hostile or broken server might send).
     */
    public synchronized SandboxFaults failNextSubmit(int code, String message) {
        failNextSubmits(code, 1);
        nextSubmitMessage = Objects.requireNonNull(message);
        return this;
    }

    /** Lifetime of the video URLs handed out from now on. */
    public synchronized SandboxFaults videoUrlLifetime(Duration lifetime) {
        videoUrlLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    /**
     * The next accepted submit answers this task id (any text, as a hostile server might) instead of
     * a numeric one; the task is found under it, and its video is served as usual.
     */
    public synchronized SandboxFaults nextTaskId(String taskId) {
        nextTaskId = Objects.requireNonNull(taskId);
        return this;
    }

    /**
     * The next get-result of a done task answers this text as its {@code video_url} (a malformed or
     * foreign URL, say) instead of a signed link to the video.
     */
    public synchronized SandboxFaults nextVideoUrl(String url) {
        nextVideoUrl = Objects.requireNonNull(url);
        return this;
    }

    /**
     * Runs {@code action} once, when the next submit has been accepted and just before its answer is
     * sent: what happens to the client at that moment (its journal locked, say) is the test's.
     */
    public synchronized SandboxFaults beforeNextAcceptedAnswer(Runnable action) {
        beforeAccepting = Objects.requireNonNull(action);
        return this;
    }

    synchronized Optional<Runnable> takeBeforeAccepting() {
        Optional<Runnable> action = Optional.ofNullable(beforeAccepting);
        beforeAccepting = null;
        return action;
    }

    synchronized Optional<String> takeNextTaskId() {
        Optional<String> id = Optional.ofNullable(nextTaskId);
        nextTaskId = null;
        return id;
    }

    synchronized Optional<String> takeNextVideoUrl() {
        Optional<String> url = Optional.ofNullable(nextVideoUrl);
        nextVideoUrl = null;
        return url;
    }

    synchronized Duration videoUrlLifetime() {
        return videoUrlLifetime;
    }

    synchronized boolean takeDrop() {
        if (dropsLeft <= 0) {
            return false;
        }
        dropsLeft--;
        return true;
    }

    synchronized OptionalLong takeTruncation() {
        if (truncationsLeft <= 0) {
            return OptionalLong.empty();
        }
        truncationsLeft--;
        return OptionalLong.of(truncateAfterBytes);
    }

    synchronized boolean rollGetResultFailure() {
        return getResultFailureRate > 0 && random.nextDouble() < getResultFailureRate;
    }

    synchronized Optional<BusinessError> takeForcedSubmit() {
        if (forcedSubmitsLeft <= 0 || nextSubmitCode == null) {
            return Optional.empty();
        }
        forcedSubmitsLeft--;
        BusinessError error = BusinessError.of(nextSubmitCode);
        return Optional.of(
                nextSubmitMessage == null
                        ? error
                        : new BusinessError(error.httpStatus(), error.code(), nextSubmitMessage));
    }
}
