package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The one-shot entry point: parse, run one command, map every failure to one line and an exit code. */
public final class Cli {
    private Cli() {}

    public static int run(String[] args, Environment env, JimengCommand.ShellLauncher shell) {
        return run(args, env, shell, InterruptSignal.NONE);
    }

    /** As above; {@code interrupts} lets Ctrl-C ask about a job not sent yet instead of just ending. */
    public static int run(
            String[] args, Environment env, JimengCommand.ShellLauncher shell, InterruptSignal interrupts) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(env.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(env.err(), StandardCharsets.UTF_8), true);
        JimengCommand root =
                new JimengCommand(cmd -> App.create(env, cmd.sandbox(), cmd.verbose(), cmd.appOptions()), shell);
        root.useInterrupts(interrupts);
        root.useEnvironment(env);
        CommandLine cl = configure(CommandTree.forArgs(root, args), root, out, err);
        try {
            return cl.execute(args);
        } finally {
            App app = root.existingApp();
            if (app != null) {
                app.close();
            }
            out.flush();
            err.flush();
        }
    }

    /** Whether these arguments may start the shell: see {@link CommandTree#mayStartShell}. */
    public static boolean mayStartShell(String[] args) {
        return CommandTree.mayStartShell(args);
    }

    /**
     * The whole command tree with jimeng's output streams and one-line error handling. A one-shot run
     * builds only the subcommand it names ({@link CommandTree}); what walks the tree (the shell's
     * completion, completion scripts, the man page) wants this one.
     */
    public static CommandLine commandLine(JimengCommand root, PrintWriter out, PrintWriter err) {
        return configure(CommandTree.full(root), root, out, err);
    }

    private static CommandLine configure(CommandLine cl, JimengCommand root, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        NumberWords.register(cl);
        cl.setExecutionExceptionHandler(new ErrorHandler(root::verbose, ex -> {
            App app = root.existingApp();
            if (app != null) {
                app.log().error(ex);
            }
        }));
        java.util.Map<String, String> exitCodes = new java.util.LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(Integer.toString(code.code()), code.meaning());
        }
        cl.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine failed = ex.getCommandLine();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                java.util.Optional<String> hint = UnknownOption.hint(unmatched)
                        .or(() -> UnknownCommand.broughtFromElsewhere(unmatched))
                        .or(() ->
                                UnquotedPrompt.hint(argv, unmatched.getUnmatched(), unmatched.getSuggestions(), failed))
                        .or(() -> UnknownCommand.hint(unmatched))
                        .or(() -> ExtraArguments.hint(argv, unmatched));
                if (hint.isPresent()) {
                    Tell.line(
                            failed.getErr(),
                            hint.get() + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
                    return ExitCode.BAD_INPUT.code();
                }
            }
            if (ex instanceof CommandLine.MissingParameterException missing) {
                Tell.line(
                        failed.getErr(),
                        MissingArgument.message(missing) + " (see '"
                                + failed.getCommandSpec().qualifiedName() + " --help')");
                return ExitCode.BAD_INPUT.code();
            }
            if (ex instanceof CommandLine.OverwrittenOptionException twice) {
                java.util.Optional<String> tail = SecondImage.hint(argv, twice.getOverwritten());
                if (tail.isPresent()) {
                    Tell.line(
                            failed.getErr(),
                            TerminalText.oneLine(ex.getMessage()) + "; " + tail.get() + " (see '"
                                    + failed.getCommandSpec().qualifiedName() + " --help')");
                    return ExitCode.BAD_INPUT.code();
                }
            }
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            Tell.line(
                    failed.getErr(),
                    TerminalText.oneLine(PicocliMessage.plain(ex.getMessage())) + suggestion + " (see '"
                            + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.BAD_INPUT.code();
        });
        return cl;
    }
}
