package dev.jimeng.shell;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.cli.Cli;
import dev.jimeng.cli.JimengCommand;
import dev.jimeng.cli.ShellControl;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What both ways of running the shell share: the command tree (the CLI's, plus the shell-only
 * commands), the jobs of this session and how one line becomes one command. Subclasses decide how
 * lines are read and how notices reach the user.
 */
abstract class Session implements ShellControl {
    /** The CLI's {@code jimeng sandbox}, which the shell refuses to run. */
    private static final String SANDBOX = "sandbox";

    protected final JimengCommand root;
    protected final SessionJobs jobs = new SessionJobs();
    private final LineWords lineWords = new LineWords();
    /** Gives the command tree: builds it, or waits for the one being built ahead. */
    private final Supplier<picocli.CommandLine> tree;

    private PrintWriter out;
    private PrintWriter err;
    /** The tree, pointed at this session's streams and holding the shell's own commands; null until first asked for. */
    private picocli.CommandLine commands;

    private volatile boolean exitRequested;

    Session(JimengCommand root) {
        this(root, null);
    }

    /**
     * @param tree the command tree being built ahead ({@link Cli#commandLine}; waited for when first
     *     needed), or null to build it here
     */
    Session(JimengCommand root, Supplier<picocli.CommandLine> tree) {
        this.root = root;
        this.tree = tree;
    }

    protected App app() {
        return root.app();
    }

    /** Where commands write; call before the first {@link #commands()}. */
    protected void useStreams(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The command tree, pointed at the session's streams, with the shell-only commands. The first call
     * waits for the tree when it is built ahead: a command typed at the first prompt, or its first TAB.
     */
    protected synchronized picocli.CommandLine commands() {
        if (commands == null) {
            picocli.CommandLine built = tree == null ? Cli.commandLine(root, out, err) : tree.get();
            built.setOut(out);
            built.setErr(err);
            ShellCommands.register(built, this);
            commands = built;
        }
        return commands;
    }

    /**
     * Starts the job engine, resumes the journal's unfinished jobs and listens to every job of this
     * process. Without a usable engine (say, no credentials) the shell still runs: the reason is
     * printed once and each command that needs the API says it again.
     *
     * @param say prints one line to the user (a notice line at a terminal)
     */
    protected AutoCloseable startEngine(Consumer<String> say) {
        AutoCloseable subscription = app().jobs().subscribe(this::onJob);
        try {
            app().jobs().resumeAll().forEach(jobs::track);
            app().otherProfilesNote().ifPresent(n -> say.accept("jimeng: note: " + TerminalText.safe(n)));
            app().connect(); // say once, at the start, when credentials are missing
            return subscription;
        } catch (UserError e) {
            say.accept("jimeng: " + TerminalText.safe(e.getMessage()));
            return subscription;
        }
    }

    /** A line about a job a command just started. */
    public void announce(String line) {
        out.println(TerminalText.safeLines(line));
        out.flush();
    }

    /**
     * The closest command, or, for words that read like a prompt typed without quotes ("a lighthouse in
     * a storm --duration 10"), the line with its prompt quoted: a line is never guessed to be a prompt,
     * since a mistyped command would then be sent, and billed, as one.
     */
    private String unknownCommandHint(List<String> words, picocli.CommandLine commands) {
        String first = words.get(0);
        int promptWords = LineWords.promptEnd(words, 0);
        java.util.Optional<String> closest = Spelling.closest(first, suggestable(commands));
        if (promptWords < 2) {
            return closest.map(c -> "did you mean '" + c + "'? ('help' lists the commands)")
                    .orElse("'help' lists the commands");
        }
        StringBuilder line = new StringBuilder(LineWords.quote(String.join(" ", words.subList(0, promptWords))));
        for (String word : words.subList(promptWords, words.size())) {
            line.append(' ').append(word.isEmpty() || word.matches(".*[\\s\"'\\\\].*") ? LineWords.quote(word) : word);
        }
        String quote = "for a video of that text, quote the prompt: " + line;
        // a one- or two-letter word is close to some command by chance ('a' to 'g')
        return first.length() > 2 && closest.isPresent() ? "did you mean '" + closest.get() + "'? or, " + quote : quote;
    }

    /** Runs one line as a command. Never throws: a failure is one line on the command's error stream. */
    protected int runLine(String line) {
        List<String> words;
        try {
            words = lineWords.split(line, word -> commands().getSubcommands().containsKey(word));
        } catch (IllegalArgumentException e) {
            err.println("jimeng: " + TerminalText.safe(e.getMessage()));
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        if (!words.isEmpty() && words.get(0).equals("jimeng")) {
            // a command pasted from jimeng's own output ("jimeng --sandbox wait ID") runs as typed
            words = words.subList(1, words.size());
            if (!words.isEmpty() && words.get(0).equals("--sandbox")) {
                if (!app().jobs().sandbox()) {
                    err.println("jimeng: this shell runs against the real API; start 'jimeng --sandbox'"
                            + " for the sandbox's jobs");
                    err.flush();
                    return ExitCode.BAD_INPUT.code();
                }
                words = words.subList(1, words.size());
            }
        }
        if (words.isEmpty()) {
            return ExitCode.OK.code();
        }
        String first = words.get(0);
        if (first.equals(SANDBOX)) {
            // it would run a server in the foreground until Ctrl-C, over the shell's own jobs
            err.println(
                    "jimeng: the shell does not start a sandbox server; run 'jimeng sandbox'" + " in another terminal");
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        picocli.CommandLine commands = commands();
        if (!first.startsWith("-") && !commands.getSubcommands().containsKey(first)) {
            commands.getErr()
                    .println("jimeng: unknown command '" + TerminalText.safe(first) + "'; "
                            + TerminalText.safe(unknownCommandHint(words, commands)));
            commands.getErr().flush();
            return ExitCode.BAD_INPUT.code();
        }
        try {
            return commands.execute(words.toArray(String[]::new));
        } catch (RuntimeException e) {
            commands.getErr().println("jimeng: internal error: " + TerminalText.safe(e.toString()));
            return ExitCode.INTERNAL.code();
        } finally {
            root.forgetLineOptions();
            commands.getOut().flush();
            commands.getErr().flush();
        }
    }

    /** The commands a typo may be corrected to: the visible ones the shell runs. */
    private static List<String> suggestable(picocli.CommandLine commands) {
        return commands.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey)
                .filter(name -> !name.equals(SANDBOX))
                .toList();
    }

    protected boolean exitRequested() {
        return exitRequested;
    }

    protected void markExit() {
        exitRequested = true;
    }

    /** Called on an engine thread for every state change of a job of this process. */
    protected abstract void onJob(JobSnapshot job);

    @Override
    public void trackJob(String id) {
        jobs.track(id);
    }
}
