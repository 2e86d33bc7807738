package dev.jimeng;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.cli.InterruptSignal;
import dev.jimeng.shell.Shell;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run behind jimeng's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}) or AppCDS archive
 * (JDK 21-24, {@code -XX:ArchiveClassesAtExit}): the starts a user makes, in one JVM, against a
 * throwaway JIMENG_HOME and the sandbox, with all output discarded. The launchers run it once;
 * classes it loads then start from the cache, already parsed and linked.
 */
public final class AotTraining {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("generate", "--help"),
            List.of("jobs"),
            List.of("--sandbox", "jobs", "--json"),
            List.of("--sandbox", "generate", "--dry-run", "a red fox in the snow", "--duration", "5"));

    /** What the script shell runs: the shell's own start, one command and the way out. */
    private static final String SHELL_SCRIPT = "jobs\nexit\n";

    /** Keys typed into the shell at a terminal: its line editor, status line and completion too. */
    private static final String SHELL_KEYS = "jo\t\rexit\r";

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("jimeng-aot-training");
        try {
            train(home);
        } finally {
            deleteTree(home);
        }
        System.exit(0);
    }

    /** Runs every training command in {@code home}; throws when one of them fails. */
    static void train(Path home) throws IOException {
        for (List<String> command : COMMANDS) {
            run(home, command.toArray(String[]::new), "");
        }
        runJobs(home);
        run(home, new String[] {"--sandbox"}, SHELL_SCRIPT);
        runAtTerminal(home, SHELL_KEYS);
    }

    /**
     * Two real jobs through the engine (submit, poll, download, journal) against the built-in sandbox
     * with jobs that take no time: the classes a first submit needs, ready in the cache, save a
     * batch or generate about half a second before its first request.
     */
    private static void runJobs(Path home) throws IOException {
        Path prompts = home.resolve("training-prompts.txt");
        Files.writeString(prompts, "a kite over a winter beach\na lighthouse at dusk\n", StandardCharsets.UTF_8);
        run(
                home,
                Map.of(
                        "JIMENG_SANDBOX_QUEUE_SECONDS", "0",
                        "JIMENG_SANDBOX_GENERATE_SECONDS", "0",
                        "JIMENG_VIDEO_POLL_INTERVAL", "0.1"),
                new String[] {"--sandbox", "batch", prompts.toString(), "--yes", "--concurrency", "2"},
                "",
                null);
    }

    /** The interactive shell over an in-memory xterm, as a user's first prompt and command run it. */
    private static void runAtTerminal(Path home, String keys) throws IOException {
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .type("xterm-256color")
                .size(new Size(120, 30))
                .streams(
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream())
                .encoding(StandardCharsets.UTF_8)
                .build();
        try {
            run(home, Map.of(), new String[] {"--sandbox"}, "", terminal);
        } finally {
            try {
                terminal.close();
            } catch (IllegalStateException e) {
                // the shell closed it on its way out; closing again can throw from JLine's status line
            }
        }
    }

    private static void run(Path home, String[] args, String stdin) {
        run(home, Map.of(), args, stdin, null);
    }

    /**
     * @param vars environment variables beside JIMENG_HOME and JIMENG_OUTPUT_DIR
     * @param terminal the shell's terminal, or null for the process's own (a script here) */
    private static void run(Path home, Map<String, String> vars, String[] args, String stdin, Terminal terminal) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> all = new java.util.HashMap<>(vars);
        all.put("JIMENG_HOME", home.toString());
        all.put("JIMENG_OUTPUT_DIR", home.resolve("videos").toString());
        Environment env = new Environment(
                Map.copyOf(all),
                home,
                home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                discard,
                discard,
                false,
                false,
                false);
        int code = Cli.run(
                args,
                env,
                root -> (terminal == null ? new Shell(env, root) : new Shell(env, root, terminal)).run(),
                InterruptSignal.NONE);
        if (code != 0) {
            // a command that fails here trains the cache on its error path, not on what users run
            throw new IllegalStateException("training command 'jimeng " + String.join(" ", args) + "' exited " + code);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
