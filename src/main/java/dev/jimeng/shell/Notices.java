package dev.jimeng.shell;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.Hyperlinks;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobGuide;
import java.time.Instant;

/**
 * The short blocks printed above the prompt when a background job ends. Pure formatting; the prompt,
 * path and server message show their control characters ({@link TerminalText}), never act on them.
 */
public final class Notices {
    private static final int PROMPT_CHARS = 60; // terminal columns

    private Notices() {}

    /** @param at how a command line reaches the job (commands shown start with it) */
    public static String finished(JobSnapshot job, Instant now, Invocation at) {
        return finished(job, now, at, false);
    }

    /**
     * As above; with {@code links} the saved file's path is also an OSC 8 link to it ({@link
     * Hyperlinks}), its text unchanged.
     */
    public static String finished(JobSnapshot job, Instant now, Invocation at, boolean links) {
        String head =
                switch (job.state()) {
                            case DONE -> "✔ " + job.id() + " done";
                            case FAILED -> "✘ " + job.id() + " failed";
                            case EXPIRED -> "✘ " + job.id() + " expired";
                            case SUBMIT_UNKNOWN -> "? " + job.id() + " submit outcome unknown";
                            case CANCELED -> "⊘ " + job.id() + " canceled";
                            default -> "· " + job.id() + " " + job.state().label();
                        }
                        + " · " + TerminalText.safe(job.request().mode()) + " · "
                        + job.request().durationSeconds() + " s · \""
                        + shorten(job.request().prompt()) + "\"";
        String detail =
                switch (job.state()) {
                    case DONE -> "  saved " + savedPath(job, links);
                    case SUBMIT_UNKNOWN, FAILED, EXPIRED, CANCELED -> {
                        String hint = JobGuide.hint(job, now, at);
                        yield "  " + TerminalText.safe(job.errorMessage()) + (hint.isEmpty() ? "" : "\n  " + hint);
                    }
                    default -> "";
                };
        return detail.isEmpty() ? head : head + "\n" + detail;
    }

    private static String savedPath(JobSnapshot job, boolean links) {
        String shown = TerminalText.safe(String.valueOf(job.outputPath()));
        return links && job.outputPath() != null ? Hyperlinks.file(job.outputPath(), shown) : shown;
    }

    static String shorten(String prompt) {
        return TerminalText.fit(TerminalText.oneLine(prompt), PROMPT_CHARS);
    }
}
