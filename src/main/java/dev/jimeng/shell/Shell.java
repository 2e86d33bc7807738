package dev.jimeng.shell;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.cli.JimengCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The interactive shell: the same command tree as the one-shot CLI plus session settings,
 * background jobs, notices and a status line. At a terminal it is a JLine line editor ({@link
 * InteractiveSession}); fed by a pipe or a file it runs the lines as a plain script ({@link
 * ScriptSession}).
 */
public final class Shell {
    /** Where the command tree writes until the terminal is open (it writes nothing before). */
    private static final PrintWriter SILENT = new PrintWriter(Writer.nullWriter());

    private final Environment env;
    private final JimengCommand root;
    private final Terminal givenTerminal;
    private final TerminalAhead ahead;

    /**
     * The process's terminal, opened on a thread of its own from the very start of a run whose
     * arguments may start the shell, so that it is open by the time picocli has parsed them and the
     * settings are read. Closed again (its modes and signals restored) when no shell took it.
     */
    public static final class TerminalAhead implements AutoCloseable {
        private final Background<InteractiveSession.Console> opening;
        private boolean taken;

        private TerminalAhead(Background<InteractiveSession.Console> opening) {
            this.opening = opening;
        }

        /** Starts opening the system terminal. */
        public static TerminalAhead open() {
            return new TerminalAhead(Background.start("jimeng-terminal", Shell::systemConsole));
        }

        private synchronized Background<InteractiveSession.Console> take() {
            taken = true;
            return opening;
        }

        @Override
        public synchronized void close() {
            if (!taken) {
                closeWhenOpen(opening);
            }
        }
    }

    /** The shell on the process's own terminal, or a script when stdin is not one. */
    public Shell(Environment env, JimengCommand root) {
        this(env, root, (TerminalAhead) null);
    }

    /** As above, on the terminal {@code ahead} has been opening (null: opened here). */
    public Shell(Environment env, JimengCommand root, TerminalAhead ahead) {
        this.env = env;
        this.root = root;
        this.givenTerminal = null;
        this.ahead = ahead;
    }

    /** The interactive shell over a terminal the caller built (tests: a dumb terminal on scripted input). */
    public Shell(Environment env, JimengCommand root, Terminal terminal) {
        this.env = env;
        this.root = root;
        this.givenTerminal = terminal;
        this.ahead = null;
    }

    /** Runs until exit or end of input; returns the process exit code. */
    public int run() throws Exception {
        if (givenTerminal != null) {
            return new InteractiveSession(root, givenTerminal, knownSecrets()).run();
        }
        if (!env.stdinIsTerminal()) {
            return new ScriptSession(root, env.in(), env.out(), env.err()).run();
        }
        // Opening the terminal (JLine binding the C library, reading terminfo, making the reader) is
        // the longest step before the first prompt: it runs on its own thread (from the process's
        // start, when Main saw the arguments may start the shell) while this one reads the settings,
        // and a third starts the sandbox, which the first line names. The command tree (picocli
        // reflecting over every command, a third of a second of CPU) is not needed until the first
        // command or TAB: the session starts building it once the prompt is drawn.
        Background<InteractiveSession.Console> opening =
                ahead != null ? ahead.take() : Background.start("jimeng-terminal", Shell::systemConsole);
        Background.start("jimeng-endpoint", () -> root.app().whereJobsGo());
        // pointed at the terminal when the session first asks for it
        Background<CommandLine> tree =
                Background.deferred("jimeng-commands", () -> Cli.commandLine(root, SILENT, SILENT));
        List<String> secrets;
        try {
            secrets = knownSecrets();
        } catch (RuntimeException | Error e) {
            closeWhenOpen(opening);
            throw e;
        }
        InteractiveSession.Console console = opened(opening);
        try (Terminal terminal = console.terminal()) {
            return new InteractiveSession(root, console, secrets, tree).run();
        }
    }

    /** The system terminal with a bare reader on it, both made on the opening thread. */
    private static InteractiveSession.Console systemConsole() throws IOException {
        Terminal terminal = systemTerminal();
        try {
            return new InteractiveSession.Console(terminal, InteractiveSession.bareReader(terminal));
        } catch (RuntimeException | Error e) {
            terminal.close();
            throw e;
        }
    }

    private static Terminal systemTerminal() throws IOException {
        return dev.jimeng.cli.TerminalProviders.systemTerminal()
                .name("jimeng")
                .dumb(true) // TERM=dumb or no usable tty: a dumb terminal, and the session says so
                .encoding(StandardCharsets.UTF_8)
                .build();
    }

    private static InteractiveSession.Console opened(Background<InteractiveSession.Console> opening)
            throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // as when the terminal was opened on this thread
            }
            throw e;
        }
    }

    /** The shell did not start: the terminal being opened is closed (its modes and signals restored). */
    private static void closeWhenOpen(Background<InteractiveSession.Console> opening) {
        try {
            opening.join().terminal().close();
        } catch (IOException | RuntimeException ignored) {
            // the start's own failure is the one to report
        }
    }

    /** Values the history must never hold, whatever pattern they have. */
    private List<String> knownSecrets() {
        var settings = root.app().settings();
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                        "VOLC_SECRETKEY",
                                        "VOLC_ACCESSKEY",
                                        "VOLCENGINE_SECRET_KEY",
                                        "VOLCENGINE_ACCESS_KEY",
                                        "VOLC_SESSION_TOKEN")
                                .map(env::get),
                        java.util.stream.Stream.of(
                                settings.secretKey().orElse(null),
                                settings.sessionToken().orElse(null)))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }
}
