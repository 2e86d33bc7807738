package dev.jimeng.app;

/** A failure to report as one line on stderr with a given exit code (no stack trace). */
public class UserError extends RuntimeException {
    private final ExitCode exitCode;

    public UserError(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
