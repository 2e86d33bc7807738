package dev.jimeng.shell;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;

/** The short blocks printed above the prompt when a background job ends. Pure formatting. */
public final class Notices {
    private static final int PROMPT_CHARS = 60; // terminal columns

    private Notices() {}

    public static String finished(JobSnapshot job) {
        String head =
                switch (job.state()) {
                            case DONE -> "✔ " + job.id() + " done";
                            case FAILED -> "✘ " + job.id() + " failed";
                            case EXPIRED -> "✘ " + job.id() + " expired";
                            case SUBMIT_UNKNOWN -> "? " + job.id() + " submit outcome unknown";
                            default -> "· " + job.id() + " " + job.state().label();
                        }
                        + " · " + job.request().mode() + " · " + job.request().durationSeconds() + " s · \""
                        + shorten(job.request().prompt()) + "\"";
        String detail =
                switch (job.state()) {
                    case DONE -> "  saved " + job.outputPath();
                    case SUBMIT_UNKNOWN ->
                        "  " + nullToEmpty(job.errorMessage())
                                + "\n  the server may have accepted it: 'jimeng show " + job.id()
                                + "'; re-submit only with 'retry " + job.id() + "' (billed again)";
                    case FAILED, EXPIRED ->
                        "  " + nullToEmpty(job.errorMessage()) + "\n  'retry " + job.id() + "' to try again";
                    default -> "";
                };
        return detail.isEmpty() ? head : head + "\n" + detail;
    }

    static String shorten(String prompt) {
        return TerminalText.fit(TerminalText.oneLine(prompt), PROMPT_CHARS);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
