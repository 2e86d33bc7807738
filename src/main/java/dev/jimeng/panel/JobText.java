package dev.jimeng.panel;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.store.JobState;
import dev.jimeng.text.Durations;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobGuide;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Pure formatting of one job for the table, the details pane and the plain watch lines. */
final class JobText {
    static final int SHORT_ID = 8;
    private static final String UNICODE_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final String ASCII_SPINNER = "|/-\\";

    private JobText() {}

    static String shortId(String id) {
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    /** Status cell text: a spinner while the server works, a percentage while downloading. */
    static String status(JobSnapshot job, Instant now, boolean unicode) {
        String spinner = unicode ? UNICODE_SPINNER : ASCII_SPINNER;
        char frame = spinner.charAt((int) Math.floorMod(now.toEpochMilli() / 200, (long) spinner.length()));
        return switch (job.state()) {
            case QUEUED -> "queued";
            case SUBMITTING -> frame + " submitting";
            case SUBMIT_UNKNOWN -> "unknown";
            case IN_QUEUE -> frame + " in queue";
            case GENERATING -> frame + " generating";
            case DOWNLOADING -> "downloading" + progress(job);
            case DONE -> "done";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
            case CANCELED -> job.stopReason() == dev.jimeng.store.StopReason.FORGOTTEN ? "forgotten" : "canceled";
        };
    }

    /** " 42%" when the size is known, " 3.1M" when only the bytes so far are, else "". */
    static String progress(JobSnapshot job) {
        if (job.bytesTotal() > 0) {
            long pct = Math.min(100, job.bytesDownloaded() * 100 / job.bytesTotal());
            return " " + pct + "%";
        }
        return job.bytesDownloaded() > 0 ? " " + bytes(job.bytesDownloaded()) : "";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + "B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1fK", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / (1024.0 * 1024.0));
    }

    /** Time since creation; for a finished job, the time it took. */
    static Duration elapsed(JobSnapshot job, Instant now) {
        Instant end = job.state().terminal() ? job.stateSince() : now;
        Duration d = Duration.between(job.createdAt(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** "~2m10s" left by the typical duration of the mode, "soon" when past it, "" when unknown or done. */
    static String eta(JobSnapshot job, Instant now, Optional<Duration> typical) {
        return timeLeft(job, now, typical).map(JobText::left).orElse("");
    }

    /** The time left by the typical duration of the mode (negative when past it); empty when unknown or done. */
    static Optional<Duration> timeLeft(JobSnapshot job, Instant now, Optional<Duration> typical) {
        if (job.state().terminal() || typical.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(typical.get().minus(elapsed(job, now)));
    }

    /** "~2m10s", or "soon" when no time is left. */
    static String left(Duration left) {
        return left.getSeconds() <= 0 ? "soon" : "~" + Durations.compact(left);
    }

    /**
     * The saved file for a finished job, the error for a failed one, the target while downloading;
     * control characters shown ({@link TerminalText#safe}), as in every text of this class.
     */
    static String outcome(JobSnapshot job) {
        return switch (job.state()) {
            case DONE, DOWNLOADING ->
                job.outputPath() == null
                        ? ""
                        : TerminalText.safe(job.outputPath().toString());
            case FAILED, EXPIRED, SUBMIT_UNKNOWN, CANCELED -> error(job);
            default -> "";
        };
    }

    static String error(JobSnapshot job) {
        String message = TerminalText.safe(job.errorMessage());
        if (job.errorCode() == null || job.errorCode().isBlank()) {
            return message.isEmpty() && job.state() == JobState.EXPIRED
                    ? "the server no longer keeps this task"
                    : message;
        }
        String code = TerminalText.safe(job.errorCode());
        return dev.jimeng.text.Words.codeAndMessage(code, message);
    }

    /**
     * What {@code y} copies: the file when there is one, else the command of the most useful next
     * step, else (the request itself must change) the prompt, to edit.
     */
    static String copyText(JobSnapshot job, Instant now, Invocation at) {
        if (job.state() == JobState.DONE && job.outputPath() != null) {
            return job.outputPath().toString();
        }
        return NextSteps.of(job, now).stream()
                .findFirst()
                .map(step -> JobGuide.command(step, job, at))
                .orElse(
                        job.request().prompt() == null
                                ? job.id()
                                : job.request().prompt());
    }
}
