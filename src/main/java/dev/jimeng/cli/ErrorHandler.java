package dev.jimeng.cli;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.store.StoreException;
import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Every failure becomes one line on stderr and a named exit code; stack traces only with --verbose.
 * The line shows its control characters ({@link TerminalText#safe}): it can quote the server.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final BooleanSupplier verbose;
    private final java.util.function.Consumer<Exception> log;

    /** @param log keeps every failure with its stack for support (the support log) */
    ErrorHandler(BooleanSupplier verbose, java.util.function.Consumer<Exception> log) {
        this.verbose = verbose;
        this.log = log;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        log.accept(ex);
        ExitCode code;
        String message;
        switch (ex) {
            case UserError u -> {
                code = u.exitCode();
                message = u.getMessage();
            }
            case InvalidRequestException i -> {
                code = ExitCode.BAD_INPUT;
                message = i.getMessage();
            }
            case ApiException a -> {
                code = ErrorCatalog.OUT_OF_MEMORY.equals(a.error().code())
                        ? ExitCode.OUT_OF_MEMORY
                        : ExitCode.of(a.error().category());
                message = a.error().describe();
            }
            case StoreException s -> {
                code = switch (s.problem()) {
                    case DAMAGED -> ExitCode.JOURNAL_DAMAGED;
                    case UNWRITABLE -> ExitCode.NO_ROOM;
                    case OTHER -> ExitCode.INTERNAL;
                };
                message = s.getMessage() + (s.problem() == StoreException.Problem.OTHER ? "" : "; nothing was sent");
            }
            case InterruptedException i -> {
                code = ExitCode.INTERNAL;
                message = "interrupted (background jobs keep running; 'jobs' lists them)";
            }
            default -> {
                code = ExitCode.INTERNAL;
                message = "internal error: " + ex + (verbose.getAsBoolean() ? "" : " (run with --verbose for details)");
            }
        }
        // messages carry server text and user input: shown, never acted on by the terminal;
        // several problems (bad settings) are one line each
        message.lines().forEach(line -> err.println("jimeng: " + TerminalText.safe(line)));
        if (verbose.getAsBoolean()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.safeLines(trace.toString()));
        }
        err.flush();
        return code.code();
    }
}
