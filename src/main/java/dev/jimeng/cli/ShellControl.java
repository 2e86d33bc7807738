package dev.jimeng.cli;

import org.jline.terminal.Terminal;

/** What shell-only commands (exit, clear, watch, generate in the background) ask of the shell. */
public interface ShellControl extends SessionPort {
    /** @param keepUnsent keep jobs not sent yet for the next start without asking (and say so) */
    void requestExit(boolean keepUnsent);

    void clearScreen();

    /** Asks a yes/no question through the shell's line reader (the shell owns the terminal's input). */
    @Override
    boolean confirm(String question);

    /** The shell tracks the job, prints the announcement, and tells when the job ends. */
    @Override
    default dev.jimeng.app.ExitCode follow(
            String jobId,
            String announcement,
            java.util.function.Function<dev.jimeng.job.JobSnapshot, dev.jimeng.app.ExitCode> report) {
        trackJob(jobId);
        announce(announcement);
        return dev.jimeng.app.ExitCode.OK;
    }

    /** Prints a line about a job just started. */
    void announce(String line);

    Terminal terminal();

    /** True when a full-screen panel can run (a real, non-dumb terminal). */
    boolean capableTerminal();

    /** Count a job started from this shell in the status line and notices. */
    void trackJob(String id);

    /**
     * Runs a full-screen view while notices and the status line wait. The view returns the keys typed
     * after the one that closed it, which the shell reads next as if typed at its prompt.
     */
    void runFullScreen(java.util.function.Supplier<String> panel);
}
