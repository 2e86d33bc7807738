package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import java.util.function.Function;

/**
 * Where a command runs, and so what becomes of the jobs it starts: a one-shot run waits for them
 * and reports; the interactive shell and a piped script track them and say when they end. Verbs
 * ask this instead of branching on "am I in the shell".
 */
public interface SessionPort {
    /**
     * Follows a job a command has started (or restarted).
     *
     * @param announcement the line a session that does not wait prints now
     * @param report prints the finished job and returns the command's exit code (for a session that waits)
     */
    ExitCode follow(String jobId, String announcement, Function<JobSnapshot, ExitCode> report) throws Exception;

    /** Asks a yes/no question; where no one can answer, the answer is no. */
    boolean confirm(String question);

    /** True when commands return at once and the session tells of jobs as they end. */
    default boolean tracksInBackground() {
        return true;
    }
}
