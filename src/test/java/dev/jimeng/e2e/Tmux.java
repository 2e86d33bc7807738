package dev.jimeng.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A real pseudo-terminal: runs a command in a detached tmux session, types into it and reads the
 * screen. Waiting is for a condition on the screen (with a deadline), never for a fixed time.
 *
 * <p>Each session has a tmux server of its own (a socket named after it): on one shared server, a
 * test's new session could reach the server while it was exiting after the previous test killed
 * its last session ("server exited unexpectedly").
 */
public final class Tmux implements AutoCloseable {
    private final String session = "jimeng-test-" + UUID.randomUUID().toString().substring(0, 8);
    /** The socket of this session's server, as tmux names it when it makes the session. */
    private final Path socket;

    public Tmux(int width, int height, Map<String, String> env, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "tmux",
                "-L",
                session,
                "new-session",
                "-d",
                "-P",
                "-F",
                "#{socket_path}",
                "-s",
                session,
                "-x",
                "" + width,
                "-y",
                "" + height));
        env.forEach((k, v) -> {
            args.add("-e");
            args.add(k + "=" + v);
        });
        args.addAll(List.of(command));
        socket = Path.of(run(args).strip());
    }

    /**
     * The packaged jar's shell on its built-in sandbox ({@code jimeng --sandbox}) in a 120×40
     * xterm-256color terminal with a UTF-8 locale and JIMENG_HOME {@code home}, a sandbox task
     * taking {@code generateSeconds} to generate. When the shell ends the screen shows "jimeng
     * exited N".
     */
    public static Tmux sandboxShell(Path home, int generateSeconds) throws IOException {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar
                + "' --sandbox; echo \"jimeng exited $?\"; sleep 120";
        String seconds = String.valueOf(generateSeconds);
        Map<String, String> env =
                Map.of("JIMENG_HOME", home.toString(), "LANG", "C.UTF-8", "JIMENG_SANDBOX_GENERATE_SECONDS", seconds);
        return new Tmux(120, 40, env, "sh", "-c", command);
    }

    /** Sends keys as tmux names them ("Enter", "Tab", "C-c", "Up") or literal text with {@link #type}. */
    public void keys(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("tmux", "-L", session, "send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args);
    }

    public void type(String text) throws IOException {
        run(List.of("tmux", "-L", session, "send-keys", "-t", session, "-l", text));
    }

    /** Sends {@code text} to the program in one write, as a terminal's paste does (no bracketed paste marks). */
    public void paste(String text) throws IOException {
        String buffer = session + "-paste";
        run(List.of("tmux", "-L", session, "set-buffer", "-b", buffer, text));
        run(List.of("tmux", "-L", session, "paste-buffer", "-d", "-b", buffer, "-t", session));
    }

    /** Resizes the terminal, as a user dragging the window's corner does (the program gets SIGWINCH). */
    public void resize(int width, int height) throws IOException {
        run(List.of("tmux", "-L", session, "resize-window", "-t", session, "-x", "" + width, "-y", "" + height));
    }

    public String screen() throws IOException {
        return run(List.of("tmux", "-L", session, "capture-pane", "-p", "-t", session));
    }

    /** The screen's lines with the lines the terminal wrapped joined again, as the program wrote them. */
    public List<String> joinedLines() throws IOException {
        return run(List.of("tmux", "-L", session, "capture-pane", "-p", "-J", "-t", session))
                .lines()
                .map(String::stripTrailing)
                .toList();
    }

    /** The screen with its attributes as SGR escape sequences (colours, bold, reverse), as tmux holds it. */
    public String screenWithAttributes() throws IOException {
        return run(List.of("tmux", "-L", session, "capture-pane", "-p", "-e", "-t", session));
    }

    /** Polls the screen until it satisfies {@code condition}; fails with the last screen after the deadline. */
    public String await(String what, Predicate<String> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String screen = screen();
        while (!condition.test(screen)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            Thread.onSpinWait();
            Thread.sleep(50); // polling interval of a condition wait, not a timing assumption
            screen = screen();
        }
        return screen;
    }

    /**
     * Copies every byte the program writes from now on to {@code file}, escape sequences included
     * (tmux itself may drop those it does not know, such as OSC 8 before tmux 3.4).
     */
    public void recordTo(java.nio.file.Path file) throws IOException {
        run(List.of("tmux", "-L", session, "pipe-pane", "-o", "-t", session, "cat >> '" + file + "'"));
    }

    public String awaitText(String text, Duration timeout) throws Exception {
        return await("'" + text + "'", s -> s.contains(text), timeout);
    }

    public boolean alive() throws IOException {
        Process p = new ProcessBuilder("tmux", "-L", session, "has-session", "-t", session)
                .redirectErrorStream(true)
                .start();
        try {
            return p.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the session and its server, and removes the server's socket, which tmux leaves behind. */
    @Override
    public void close() throws IOException {
        Process kill = new ProcessBuilder("tmux", "-L", session, "kill-server")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            kill.waitFor(); // fails when the session's command ended first, taking the server with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }

    private static String run(List<String> args) throws IOException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
