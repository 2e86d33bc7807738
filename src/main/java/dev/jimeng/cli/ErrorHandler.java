package dev.jimeng.cli;

import dev.jimeng.api.ApiException;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.InvalidRequestException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Every failure becomes one line on stderr and a named exit code; stack traces only with --verbose. */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final BooleanSupplier verbose;

    ErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
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
                code = ExitCode.of(a.error().category());
                message = a.error().describe();
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
        message.lines().forEach(line -> err.println("jimeng: " + line)); // several problems: one line each
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }
}
