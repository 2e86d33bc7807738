package dev.jimeng.shell;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.JimengCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: the same command tree as the one-shot CLI plus session settings,
 * background jobs, notices and a status line. At a terminal it is a JLine line editor ({@link
 * InteractiveSession}); fed by a pipe or a file it runs the lines as a plain script ({@link
 * ScriptSession}).
 */
public final class Shell {
    private final Environment env;
    private final JimengCommand root;
    private final Terminal givenTerminal;

    /** The shell on the process's own terminal, or a script when stdin is not one. */
    public Shell(Environment env, JimengCommand root) {
        this(env, root, null);
    }

    /** The interactive shell over a terminal the caller built (tests: a dumb terminal on scripted input). */
    public Shell(Environment env, JimengCommand root, Terminal terminal) {
        this.env = env;
        this.root = root;
        this.givenTerminal = terminal;
    }

    /** Runs until exit or end of input; returns the process exit code. */
    public int run() throws Exception {
        if (givenTerminal != null) {
            return new InteractiveSession(root, givenTerminal, knownSecrets()).run();
        }
        if (!env.stdinIsTerminal()) {
            return new ScriptSession(root, env.in(), env.out(), env.err()).run();
        }
        try (Terminal terminal = TerminalBuilder.builder()
                .name("jimeng")
                .system(true)
                .dumb(true) // TERM=dumb or no usable tty: a dumb terminal, and the session says so
                .encoding(StandardCharsets.UTF_8)
                .build()) {
            return new InteractiveSession(root, terminal, knownSecrets()).run();
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
