package dev.jimeng.app;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.config.InvalidSettingException;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.store.StoreException;

/**
 * What a failed command tells its caller: a named exit code and the message (one line per
 * problem, naming the fix). The one mapping from exceptions to words, shared by the CLI's error
 * handler and the MCP server's tool errors, so an agent reads what a person would.
 */
public record Failure(ExitCode code, String message) {

    /** {@code verbose}: whether the caller shows stack traces (then an internal error does not point at --verbose). */
    public static Failure of(Throwable ex, boolean verbose) {
        return switch (ex) {
            case UserError u -> new Failure(u.exitCode(), u.getMessage());
            case InvalidRequestException i -> new Failure(ExitCode.BAD_INPUT, i.getMessage());
            case InvalidSettingException s -> new Failure(ExitCode.BAD_INPUT, s.getMessage());
            case ApiException a ->
                new Failure(
                        ErrorCatalog.OUT_OF_MEMORY.equals(a.error().code())
                                ? ExitCode.OUT_OF_MEMORY
                                : ExitCode.of(a.error().category()),
                        a.error().describe());
            case StoreException s ->
                new Failure(
                        switch (s.problem()) {
                            case DAMAGED -> ExitCode.JOURNAL_DAMAGED;
                            case UNWRITABLE -> ExitCode.NO_ROOM;
                            case OTHER -> ExitCode.INTERNAL;
                        },
                        s.getMessage() + (s.problem() == StoreException.Problem.OTHER ? "" : "; nothing was sent"));
            case InterruptedException i ->
                new Failure(ExitCode.INTERNAL, "interrupted (background jobs keep running; 'jobs' lists them)");
            default ->
                new Failure(
                        ExitCode.INTERNAL,
                        "internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
        };
    }
}
