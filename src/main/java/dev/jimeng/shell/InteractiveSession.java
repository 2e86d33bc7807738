package dev.jimeng.shell;

import dev.jimeng.cli.JimengCommand;
import dev.jimeng.config.NotifyStyle;
import dev.jimeng.config.Setting;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobCounts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

/**
 * The shell at a terminal: a JLine reader with completion and history, notices printed above the
 * prompt while the user types, a status line at the bottom while jobs exist, Ctrl-C for the line or
 * the foreground wait (never the background jobs). On a dumb terminal: plain line editing, notices
 * between commands.
 */
final class InteractiveSession extends Session {
    /** The terminal and, when made with it, a bare reader on it. */
    record Console(Terminal terminal, LineReaderImpl reader) {}

    private static final String STATUS_WIDGET = "jimeng-status";

    private final Terminal terminal;
    /** The reader made with the terminal, or null to make it here. */
    private final LineReaderImpl bare;

    private final boolean dumb;
    private final List<String> knownSecrets;
    private LineReader reader;
    private Status status;
    /** The terminal size the status line was last laid out for. */
    private Size statusSize;

    private volatile Thread foreground;
    private boolean keepUnsent;

    /** Guards "may we draw now (panel closed, reader reading)?" against engine threads. */
    private final Object screen = new Object();

    private boolean panelOpen;
    private final List<String> pendingNotices = new ArrayList<>();

    /** The command tree's build, started once the first prompt is drawn; null: built when first needed. */
    private final Background<picocli.CommandLine> treeBuild;

    /** The engine's start (journal, resumed jobs, API client), done on its own thread after the first prompt. */
    private Background<AutoCloseable> engineStart;

    InteractiveSession(JimengCommand root, Terminal terminal, List<String> knownSecrets) {
        this(root, terminal, knownSecrets, (Background<picocli.CommandLine>) null);
    }

    /**
     * @param tree builds the command tree on another thread, started once the first prompt is drawn
     *     (and waited for when first needed), or null to build it here
     */
    InteractiveSession(
            JimengCommand root, Terminal terminal, List<String> knownSecrets, Background<picocli.CommandLine> tree) {
        this(root, new Console(terminal, null), knownSecrets, tree);
    }

    /** As above, on a console whose bare reader may be made already ({@link #bareReader}). */
    InteractiveSession(
            JimengCommand root, Console console, List<String> knownSecrets, Background<picocli.CommandLine> tree) {
        super(root, tree == null ? null : tree::join);
        this.treeBuild = tree;
        this.terminal = console.terminal();
        this.bare = console.reader();
        this.dumb = Terminals.isDumb(terminal);
        this.knownSecrets = knownSecrets;
    }

    /**
     * A reader on {@code terminal} with what needs neither the settings nor the commands (its key maps
     * take a while to build): made on the terminal's own thread, then finished by {@link #run}.
     */
    static LineReaderImpl bareReader(Terminal terminal) {
        return (LineReaderImpl) LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jimeng")
                .parser(new DefaultParser())
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    int run() throws Exception {
        PrintWriter out = terminal.writer();
        useStreams(out, out);
        LineReaderImpl editor = bare != null ? bare : bareReader(terminal);
        editor.setCompleter(ShellCompletion.create(this::commands, app()));
        editor.setHistory(new SecretFilteringHistory(knownSecrets)); // read from its file at the first prompt
        editor.setVariable(LineReader.HISTORY_FILE, app().paths().historyFile());
        editor.setVariable(LineReader.HISTORY_SIZE, 5000);
        reader = editor;
        reader.getWidgets().put(STATUS_WIDGET, () -> {
            drawStatus();
            return true;
        });
        if (dumb) {
            out.println("jimeng: this terminal (TERM=" + TerminalText.safe(terminal.getType())
                    + ") has no cursor control: plain line editing, no completion or status line");
        }
        out.flush();
        // Outside readLine the terminal does not echo: keys typed while a command runs (or while the
        // next prompt is being prepared) are not mixed into the output; the reader shows them at the
        // prompt. Signals stay on, so Ctrl-C still interrupts a foreground wait. Closing the terminal
        // restores the original modes.
        terminal.echo(false);
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread command = foreground;
            if (command != null) {
                command.interrupt(); // ends a foreground wait; background jobs run on their own threads
            }
        });
        try {
            if (!dumb) {
                status = Status.getStatus(terminal);
                // Reserve the bottom row once, now: JLine's Status moves the cursor up a line when it
                // grows while the cursor is above the bottom row, so it must never grow later. Done
                // before the first line is printed, which that move would otherwise overwrite.
                status.update(List.of(AttributedString.EMPTY));
                statusSize = terminal.getSize();
            }
            out.println(banner());
            out.flush();
            engineStart = startEngineInBackground();
            if (treeBuild != null) {
                treeBuild.start();
            }
            loop();
            return 0;
        } finally {
            stopEngine();
            closeStatus();
            reader.getHistory().save();
            terminal.writer().flush();
        }
    }

    private void loop() {
        while (!exitRequested()) {
            flushNotices();
            drawStatusBeforePrompt();
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C clears the line; background jobs go on
            } catch (EndOfFileException e) {
                if (confirmQuit()) {
                    break;
                }
                continue;
            }
            awaitEngine();
            foreground = Thread.currentThread();
            try {
                runLine(line);
            } finally {
                foreground = null;
                Thread.interrupted(); // a Ctrl-C aimed at the finished command must not hit the next one
            }
        }
        awaitEngine(); // what is left to settle is known once the journal is open
        flushNotices();
        settleUnsent();
        long running = jobs.active();
        if (running > 0) {
            terminal.writer()
                    .println(
                            "jimeng: " + running + " job(s) still running; they resume the next time you start jimeng");
        }
        terminal.writer().flush();
    }

    /**
     * Jobs not sent yet would be sent (and billed) by the next start of jimeng: the user says whether
     * to keep them or cancel them; {@code exit --yes} keeps them, and says so.
     */
    private void settleUnsent() {
        if (root.existingApp() == null) {
            return;
        }
        List<JobSnapshot> unsent = app().jobs().unsent();
        if (unsent.isEmpty()) {
            return;
        }
        String count = unsent.size() == 1 ? "1 job" : unsent.size() + " jobs";
        String jimeng = app().jobs().invocation().jimeng() + " ";
        boolean cancel = false;
        if (!keepUnsent) {
            try {
                String answer = ask(count + " not sent yet: keep them for next time or cancel them? [k/c] ");
                cancel = answer != null
                        && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("c");
            } catch (UserInterruptException | EndOfFileException e) {
                cancel = false;
            }
        }
        PrintWriter out = terminal.writer();
        if (!cancel) {
            out.println("jimeng: kept " + count + " not sent yet; the next start of jimeng sends them ('" + jimeng
                    + "cancel --all-queued' drops them)");
            return;
        }
        int canceled = 0;
        for (JobSnapshot job : unsent) {
            try {
                app().jobs().cancel(job.id(), false);
                canceled++;
            } catch (dev.jimeng.job.JobRefusedException e) {
                out.println("jimeng: " + job.id() + " was sent meanwhile; it goes on ('" + jimeng + "wait " + job.id()
                        + "')");
            }
        }
        out.println("jimeng: canceled " + canceled + " job(s) not sent yet; nothing was billed");
    }

    /**
     * Starts the engine off the path to the first prompt: opening the journal, resuming its unfinished
     * jobs and building the API client take longer than drawing the prompt. What it has to say comes as
     * notices; every command waits for it ({@link #awaitEngine}), so none races it.
     */
    private Background<AutoCloseable> startEngineInBackground() {
        return Background.start("jimeng-engine-start", () -> {
            AutoCloseable subscription = startEngine(this::notice);
            if (!jobs.isEmpty()) {
                notice("jimeng: resumed " + jobs.ids().size() + " unfinished job(s) from the journal");
            }
            refreshStatus();
            return subscription;
        });
    }

    /** Waits for the engine's start; a failure of it (say, a journal that cannot be opened) ends the shell. */
    private void awaitEngine() {
        engineStart.join();
    }

    /** Stops listening to the engine, once its start is over (a start that failed has nothing to stop). */
    private void stopEngine() throws Exception {
        if (engineStart == null) {
            return;
        }
        AutoCloseable subscription;
        try {
            subscription = engineStart.join();
        } catch (RuntimeException | Error e) {
            return; // awaitEngine reported it
        }
        subscription.close();
    }

    /** The first line: what this is, where jobs go (and whether they are billed), how to go on. */
    private String banner() {
        String version = dev.jimeng.config.JimengVersion.shortVersion();
        return "jimeng " + version + " shell · " + app().whereJobsGo() + " · type help or press TAB";
    }

    /** {@code jimeng t2v_720p> }, with the profile when it is not the default: {@code jimeng work t2v_720p> }. */
    String prompt() {
        String profile = app().profile();
        String shown = profile.equals(dev.jimeng.config.Settings.DEFAULT_PROFILE) ? "" : profile + " ";
        return "jimeng " + shown + app().settings().get(Setting.MODE).value() + "> ";
    }

    /** Asks before leaving while jobs run; Ctrl-D again (or input that ended) means yes. */
    private boolean confirmQuit() {
        long running = jobs.active();
        if (running == 0) {
            return true;
        }
        try {
            return answersYes(ask(
                    running + " job(s) still running; they resume the next time you start jimeng. Quit now? [y/N] "));
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        }
    }

    /** Reads an answer that is not a command: it stays out of the history. */
    private String ask(String question) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return reader.readLine(question);
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    private static boolean answersYes(String answer) {
        return answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    // --- engine threads ---

    @Override
    protected void onJob(JobSnapshot job) {
        if (jobs.recordAndCheckEnded(job)) {
            notice(Notices.finished(
                    job, app().jobs().clock().instant(), app().jobs().invocation(), links()));
            signal(job);
        }
        refreshStatus();
    }

    /**
     * Whether notices link saved files (OSC 8), by the rule one-shot output follows. JLine's {@code
     * printAbove(String)} writes the text as it is, so the link reaches the terminal; it takes no
     * column, so the redrawn prompt stays in place.
     */
    private boolean links() {
        return root.color().links(!dumb, app().env()::get);
    }

    private void notice(String text) {
        synchronized (screen) {
            // A dumb terminal cannot redraw a half-typed line: print there only at an empty prompt.
            boolean canPrint =
                    reader.isReading() && (!dumb || reader.getBuffer().length() == 0);
            if (panelOpen || !canPrint) {
                pendingNotices.add(text); // printed before the next prompt
            } else {
                reader.printAbove(text); // keeps the half-typed line, its cursor and an open menu
            }
        }
    }

    private void flushNotices() {
        List<String> toPrint;
        synchronized (screen) {
            toPrint = new ArrayList<>(pendingNotices);
            pendingNotices.clear();
        }
        toPrint.forEach(terminal.writer()::println);
        terminal.writer().flush();
    }

    /** Bell or desktop notification (OSC 9 / OSC 777), as the notify setting says. */
    private void signal(JobSnapshot job) {
        NotifyStyle style = app().settings().notifyStyle();
        String text = "jimeng: " + job.id() + " " + job.state().label();
        String sequence =
                switch (style) {
                    case NONE -> "";
                    case BELL -> "\007";
                    case OSC9 -> "\033]9;" + text + "\007";
                    case OSC777 -> "\033]777;notify;jimeng;" + text + "\007";
                };
        if (sequence.isEmpty() || dumb) {
            return;
        }
        synchronized (screen) {
            if (!panelOpen) {
                terminal.writer().write(sequence);
                terminal.writer().flush();
            }
        }
    }

    /** Redraws the status line from an engine thread, inside the reader's lock when it is reading. */
    private void refreshStatus() {
        synchronized (screen) {
            if (status == null || panelOpen || !reader.isReading()) {
                return; // drawn again before the next prompt
            }
            try {
                reader.callWidget(STATUS_WIDGET);
            } catch (IllegalStateException e) {
                // the reader returned meanwhile: the loop draws it before the next prompt
            }
        }
    }

    /**
     * JLine follows a resize only while it reads a line: one that happened while a command ran gets
     * the status line laid out afresh before the prompt.
     */
    private void drawStatusBeforePrompt() {
        synchronized (screen) {
            if (status != null && !terminal.getSize().equals(statusSize)) {
                redrawStatusWhole();
            } else {
                drawStatus();
            }
        }
    }

    /**
     * Lays the status line out afresh and draws it whole in the bottom row. JLine's {@link Status}
     * draws only what changed since its last update, at the row it computed for the size it last
     * knew: after {@code clear}, or a resize while the panel or a command had the terminal, it would
     * draw a piece of the line at a stale row, over the prompt. Call it between two reads, with the
     * cursor at the start of a line (everything below the cursor is erased), holding {@link #screen}.
     */
    private void redrawStatusWhole() {
        if (status == null || panelOpen) {
            return;
        }
        statusSize = terminal.getSize();
        status.resize(statusSize); // does nothing when the size is the one it knows
        status.update(List.of()); // forgets the line it drew: the next update draws it whole
        terminal.puts(Capability.clr_eos); // a stale status line left where a resize moved it
        drawStatus();
    }

    private void drawStatus() {
        if (status == null || panelOpen) {
            return;
        }
        JobCounts counts = jobs.counts();
        status.update(List.of(counts.any() ? new AttributedString(counts.toString()) : AttributedString.EMPTY));
    }

    private void closeStatus() {
        if (status != null) {
            synchronized (screen) {
                status.update(List.of());
                status.close();
                status = null;
            }
        }
    }

    // --- ShellControl ---

    @Override
    public void requestExit(boolean keepUnsent) {
        this.keepUnsent = keepUnsent;
        if (confirmQuit()) {
            markExit();
        }
    }

    @Override
    public boolean confirm(String question) {
        try {
            return answersYes(ask(question));
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    @Override
    public void clearScreen() {
        terminal.puts(Capability.clear_screen);
        synchronized (screen) {
            redrawStatusWhole();
        }
        terminal.flush();
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public boolean capableTerminal() {
        return !dumb;
    }

    @Override
    public void runFullScreen(java.util.function.Supplier<String> panel) {
        synchronized (screen) {
            if (status != null) {
                // Hidden, not just suspended: a resize under the panel then finds no status line on
                // the shell's screen to move about, and the panel gets the whole scroll region.
                status.update(List.of());
                status.suspend();
            }
            panelOpen = true;
        }
        try {
            String typedAhead = panel.get();
            if (!typedAhead.isEmpty()) {
                reader.runMacro(typedAhead); // the keys are the user's, typed for the prompt
            }
        } finally {
            synchronized (screen) {
                panelOpen = false;
                if (status != null) {
                    status.restore();
                    redrawStatusWhole(); // the terminal may have been resized under the panel
                }
            }
            flushNotices();
        }
    }
}
