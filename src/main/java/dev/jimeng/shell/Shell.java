package dev.jimeng.shell;

import dev.jimeng.app.App;
import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.cli.Cli;
import dev.jimeng.cli.JimengCommand;
import dev.jimeng.cli.ShellControl;
import dev.jimeng.config.NotifyStyle;
import dev.jimeng.config.Setting;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.JobState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;
import picocli.CommandLine;

/**
 * The interactive shell: one JLine reader over the same command tree as the one-shot CLI, with
 * session settings, background jobs, notices above the prompt and a status line under it.
 */
public final class Shell implements ShellControl {
    private final Environment env;
    private final JimengCommand root;
    private Terminal terminal;
    private LineReader reader;
    private Status status;
    private boolean dumb;
    private volatile boolean exitRequested;
    private volatile Thread foreground;

    /** Guards "is the panel open / can we print now?" against background notices. */
    private final Object screen = new Object();

    private boolean panelOpen;
    private boolean readingLine;
    private final List<String> pendingNotices = new ArrayList<>();
    private final Map<String, JobState> sessionJobs = new ConcurrentHashMap<>();

    public Shell(Environment env, JimengCommand root) {
        this.env = env;
        this.root = root;
    }

    public int run() throws IOException {
        terminal = buildTerminal();
        dumb = Terminals.isDumb(terminal);
        App app = root.app();
        PrintWriter out = terminal.writer();
        CommandLine commands = Cli.commandLine(root, out, out);
        ShellCommands.register(commands, this);
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jimeng")
                .parser(new DefaultParser())
                .completer(ShellCompletion.create(commands, app))
                .history(new SecretFilteringHistory())
                .variable(LineReader.HISTORY_FILE, app.paths().historyFile())
                .variable(LineReader.HISTORY_SIZE, 5000)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        if (dumb && env.stdinIsTerminal()) {
            out.println("jimeng: this terminal (TERM=" + terminal.getType()
                    + ") has no cursor control: plain line editing, no completion, no panel");
        }
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread t = foreground;
            if (t != null) {
                t.interrupt();
            }
        });
        app.settings().problems().forEach(p -> out.println("jimeng: " + p));
        if (!dumb) {
            status = Status.getStatus(terminal);
        }
        try (AutoCloseable subscription = app.jobs().subscribe(this::onJob)) {
            for (String id : app.jobs().resumeAll()) {
                app.jobs().job(id).ifPresent(j -> sessionJobs.put(j.id(), j.state()));
            }
            if (!sessionJobs.isEmpty() && interactive()) {
                out.println("jimeng: resumed " + sessionJobs.size() + " unfinished job(s) from the journal");
            }
            return loop(commands);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(e);
        } finally {
            if (status != null) {
                status.close();
            }
            reader.getHistory().save();
            terminal.close();
        }
    }

    private int loop(CommandLine commands) {
        int lastExit = 0;
        while (!exitRequested) {
            String line;
            try {
                flushNotices();
                updateStatus();
                synchronized (screen) {
                    readingLine = true;
                }
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C clears the line; background jobs go on
            } catch (EndOfFileException e) {
                if (!interactive() || confirmQuit()) {
                    break;
                }
                continue;
            } finally {
                synchronized (screen) {
                    readingLine = false;
                }
            }
            List<String> words = words(line);
            if (words.isEmpty()) {
                continue;
            }
            lastExit = execute(commands, words);
        }
        if (!interactive()) {
            // Piped scripts: finish what they started before leaving, like a one-shot run would.
            root.app().awaitAll(sessionJobs.keySet());
            flushNotices();
        }
        return interactive() ? 0 : lastExit;
    }

    private int execute(CommandLine commands, List<String> words) {
        foreground = Thread.currentThread();
        try {
            return commands.execute(words.toArray(String[]::new));
        } finally {
            foreground = null;
            Thread.interrupted(); // a Ctrl-C aimed at the finished command must not hit the next one
            terminal.writer().flush();
        }
    }

    /** A line that is only quoted text is a prompt for {@code generate}. */
    List<String> words(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        ParsedLine parsed = reader.getParser().parse(trimmed, trimmed.length(), ParseContext.ACCEPT_LINE);
        List<String> words = new ArrayList<>(parsed.words());
        words.removeIf(String::isEmpty);
        boolean quoted = trimmed.startsWith("\"") || trimmed.startsWith("'");
        if (quoted && words.size() == 1) {
            return List.of("generate", words.get(0));
        }
        return words;
    }

    private String prompt() {
        if (!interactive()) {
            return "";
        }
        return "jimeng " + root.app().settings().get(Setting.MODE).value() + "> ";
    }

    private boolean interactive() {
        return env.stdinIsTerminal();
    }

    private boolean confirmQuit() {
        long active = sessionJobs.values().stream().filter(s -> !s.terminal()).count();
        if (active == 0) {
            return true;
        }
        try {
            String answer = reader.readLine(active
                    + " job(s) still running; they resume the next time you start jimeng." + " Quit now? [y/N] ");
            return answer.strip().toLowerCase().startsWith("y");
        } catch (UserInterruptException | EndOfFileException e) {
            return true;
        }
    }

    // --- background events ---

    void onJob(JobSnapshot job) {
        JobState before = sessionJobs.put(job.id(), job.state());
        boolean justFinished = job.state().terminal() && (before == null || !before.terminal());
        if (justFinished && before != null) {
            notice(Notices.finished(job));
            signal(job);
        }
        updateStatus();
    }

    private void notice(String text) {
        synchronized (screen) {
            if (panelOpen || dumb || !readingLine) {
                pendingNotices.add(text);
            } else {
                reader.printAbove(text);
            }
        }
    }

    private void flushNotices() {
        List<String> toPrint;
        synchronized (screen) {
            toPrint = new ArrayList<>(pendingNotices);
            pendingNotices.clear();
        }
        if (!toPrint.isEmpty()) {
            toPrint.forEach(terminal.writer()::println);
            terminal.writer().flush();
        }
    }

    private void signal(JobSnapshot job) {
        NotifyStyle style = root.app().settings().notifyStyle();
        String text = "jimeng: " + job.id() + " " + job.state().label();
        String sequence =
                switch (style) {
                    case NONE -> "";
                    case BELL -> "\007";
                    case OSC9 -> "\033]9;" + text + "\007";
                    case OSC777 -> "\033]777;notify;jimeng;" + text + "\007";
                };
        if (!sequence.isEmpty() && !dumb) {
            synchronized (screen) {
                if (!panelOpen) {
                    terminal.writer().write(sequence);
                    terminal.writer().flush();
                }
            }
        }
    }

    private void updateStatus() {
        if (status == null) {
            return;
        }
        synchronized (screen) {
            if (panelOpen) {
                return;
            }
            JobCounts counts = JobCounts.of(root.app().jobs().jobs().stream()
                    .filter(j -> sessionJobs.containsKey(j.id()))
                    .toList());
            status.update(counts.any() ? List.of(new AttributedString(counts.toString())) : List.of());
        }
    }

    // --- ShellControl: what shell-only commands may do ---

    @Override
    public void requestExit() {
        if (!interactive() || confirmQuit()) {
            exitRequested = true;
        }
    }

    @Override
    public void clearScreen() {
        terminal.puts(Capability.clear_screen);
        terminal.flush();
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public boolean capableTerminal() {
        return !dumb && interactive();
    }

    @Override
    public void trackJob(String id) {
        sessionJobs.putIfAbsent(id, JobState.QUEUED);
    }

    @Override
    public void runFullScreen(Runnable panel) {
        synchronized (screen) {
            panelOpen = true;
            if (status != null) {
                status.suspend();
            }
        }
        try {
            panel.run();
        } finally {
            synchronized (screen) {
                panelOpen = false;
                if (status != null) {
                    status.restore();
                }
            }
            flushNotices();
            updateStatus();
        }
    }

    private Terminal buildTerminal() throws IOException {
        if (!env.stdinIsTerminal()) {
            return TerminalBuilder.builder()
                    .system(false)
                    .streams(env.in(), env.out())
                    .dumb(true)
                    .type(Terminal.TYPE_DUMB)
                    .encoding(java.nio.charset.StandardCharsets.UTF_8)
                    .build();
        }
        return TerminalBuilder.builder()
                .name("jimeng")
                .system(true)
                .dumb(true)
                .encoding(java.nio.charset.StandardCharsets.UTF_8)
                .build();
    }

    public static int exitCodeOk() {
        return ExitCode.OK.code();
    }
}
