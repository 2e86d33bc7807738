package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.Failure;
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
        Failure failure = Failure.of(ex, verbose.getAsBoolean());
        ExitCode code = failure.code();
        String message = failure.message();
        // messages carry server text and user input: shown, never acted on by the terminal;
        // several problems (bad settings) are one line each
        message.lines().forEach(line -> Tell.line(err, line));
        if (verbose.getAsBoolean()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.safeLines(trace.toString()));
        }
        err.flush();
        return code.code();
    }
}
