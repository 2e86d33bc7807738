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
            for (List<String> command : COMMANDS) {
                run(home, command.toArray(String[]::new), "");
            }
            run(home, new String[] {"--sandbox"}, SHELL_SCRIPT);
            runAtTerminal(home, SHELL_KEYS);
        } finally {
            deleteTree(home);
        }
        System.exit(0);
    }

    /** The interactive shell over an in-memory xterm, as a user's first prompt and command run it. */
    private static void runAtTerminal(Path home, String keys) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .type("xterm-256color")
                .size(new Size(120, 30))
                .streams(
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream())
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            run(home, new String[] {"--sandbox"}, "", terminal);
        }
    }

    private static void run(Path home, String[] args, String stdin) {
        run(home, args, stdin, null);
    }

    /** @param terminal the shell's terminal, or null for the process's own (a script here) */
    private static void run(Path home, String[] args, String stdin, Terminal terminal) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Environment env = new Environment(
                Map.of(
                        "JIMENG_HOME",
                        home.toString(),
                        "JIMENG_OUTPUT_DIR",
                        home.resolve("videos").toString()),
                home,
                home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                discard,
                discard,
                false,
                false,
                false);
        Cli.run(
                args,
                env,
                root -> (terminal == null ? new Shell(env, root) : new Shell(env, root, terminal)).run(),
                InterruptSignal.NONE);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
