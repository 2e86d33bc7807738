package dev.jimeng.cli;

import dev.jimeng.app.Environment;
import dev.jimeng.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real CLI entry point, {@link Cli#run}, in this JVM with captured streams, an isolated
 * JIMENG_HOME and working directory, and the environment a user would set to reach a server.
 */
final class CliHarness {
    private final Map<String, String> variables = new HashMap<>();
    private final Path cwd;
    private final Path home;
    private boolean stderrIsTerminal;
    private boolean stdoutIsTerminal;
    private String stdin = "";
    private byte[] stdinBytes;
    private boolean stdinIsTerminal;
    private InterruptSignal interrupts = InterruptSignal.NONE;

    private CliHarness(Path cwd, Path home) {
        this.cwd = cwd;
        this.home = home;
    }

    /** No server at all: the user's environment is empty apart from JIMENG_HOME. */
    static CliHarness bare(Path cwd, Path jimengHome) {
        CliHarness h = new CliHarness(cwd, jimengHome.resolve("user-home"));
        h.variables.put("JIMENG_HOME", jimengHome.toString());
        return h;
    }

    /** Credentials and API URL of {@code server}, polling every 0.1 s, retries backing off from 10 ms. */
    static CliHarness against(SandboxServer server, Path cwd, Path jimengHome) {
        return bare(cwd, jimengHome)
                .with("VOLC_ACCESSKEY", server.credentials().accessKeyId())
                .with("VOLC_SECRETKEY", server.credentials().secretAccessKey())
                .with("JIMENG_VIDEO_API_URL", server.baseUrl())
                .with("JIMENG_VIDEO_POLL_INTERVAL", "0.1")
                .with("JIMENG_VIDEO_RETRY_BACKOFF", "0.01");
    }

    CliHarness with(String name, String value) {
        variables.put(name, value);
        return this;
    }

    CliHarness without(String name) {
        variables.remove(name);
        return this;
    }

    /** Pretends stderr is a terminal (where the progress line is drawn). */
    CliHarness stderrIsTerminal(boolean value) {
        stderrIsTerminal = value;
        return this;
    }

    /** Pretends stdout is a terminal (where pictures are drawn). */
    CliHarness stdoutIsTerminal(boolean value) {
        stdoutIsTerminal = value;
        return this;
    }

    /** What the user types at a terminal on stdin (answers to questions). */
    CliHarness typing(String text) {
        stdin = text;
        stdinIsTerminal = true;
        return this;
    }

    /** Raw bytes piped to stdin (not a terminal): text in another encoding, say. */
    CliHarness piping(byte[] bytes) {
        stdinBytes = bytes.clone();
        stdinIsTerminal = false;
        return this;
    }

    /** Stands in for Ctrl-C: what interrupts a one-shot command while it waits. */
    CliHarness interrupts(InterruptSignal signal) {
        interrupts = signal;
        return this;
    }

    Path cwd() {
        return cwd;
    }

    CliRun run(String... args) {
        return run(null, args);
    }

    /**
     * {@code jimeng [args] < script}: the shell reading {@code script} from a pipe, with its plain
     * output (the script shell).
     */
    CliRun runScript(String script, String... args) {
        stdin = script;
        stdinIsTerminal = false;
        return run(script, args);
    }

    private CliRun run(String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment env = new Environment(
                Map.copyOf(variables),
                cwd,
                home,
                new ByteArrayInputStream(stdinBytes != null ? stdinBytes : stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                stdinIsTerminal,
                stdoutIsTerminal,
                stderrIsTerminal);
        int code = Cli.run(
                args,
                env,
                script != null
                        ? root -> new dev.jimeng.shell.Shell(env, root).run()
                        : root -> {
                            throw new AssertionError("the shell must not open in a one-shot run");
                        },
                interrupts);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
