package dev.jimeng.shell;

import dev.jimeng.app.Environment;
import dev.jimeng.cli.Cli;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs jimeng's shell in-process against a real sandbox server on 127.0.0.1 with fast timings, with
 * JIMENG_HOME and the working directory in a temporary folder.
 */
final class ShellHarness implements AutoCloseable {
    static final String SECRET_MARK = "sandbox-secret";

    final SandboxServer server;
    final Path home;
    final Path cwd;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean credentials = true;
    private final Map<String, String> extra = new HashMap<>();

    ShellHarness(Path dir) throws IOException {
        server = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(50))
                .generateDuration(Duration.ofMillis(150))
                .qpsLimit(1000)
                .concurrencyLimit(100)
                .build());
        home = dir.resolve("home");
        cwd = dir.resolve("work");
        java.nio.file.Files.createDirectories(cwd);
    }

    /** The environment lacks VOLC_ACCESSKEY and VOLC_SECRETKEY from now on. */
    ShellHarness withoutCredentials() {
        credentials = false;
        return this;
    }

    /** Sets (or overrides) a variable of the environment from now on. */
    ShellHarness with(String name, String value) {
        extra.put(name, value);
        return this;
    }

    Map<String, String> variables() {
        Map<String, String> vars = new HashMap<>();
        if (credentials) {
            vars.put("VOLC_ACCESSKEY", server.credentials().accessKeyId());
            vars.put("VOLC_SECRETKEY", server.credentials().secretAccessKey());
        }
        vars.put("JIMENG_VIDEO_API_URL", server.baseUrl());
        vars.put("JIMENG_HOME", home.toString());
        vars.put("JIMENG_VIDEO_POLL_INTERVAL", "0.1");
        vars.putAll(extra);
        return vars;
    }

    /** {@code jimeng [globalOptions] < script}: the shell with stdin (and stdout) not a terminal. */
    int runScript(String script, String... globalOptions) {
        Environment env = environment(new java.io.ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false);
        return Cli.run(globalOptions, env, root -> new Shell(env, root).run());
    }

    /** {@code jimeng args…} as a one-shot command, not a terminal. */
    int runCommand(String... args) {
        Environment env = environment(InputStream.nullInputStream(), false);
        return Cli.run(args, env, root -> new Shell(env, root).run());
    }

    /** The interactive shell over a JLine dumb terminal reading {@code keys}. */
    int runOnDumbTerminal(InputStream keys) throws IOException {
        Environment env = environment(InputStream.nullInputStream(), true);
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, keys, out, StandardCharsets.UTF_8)) {
            return Cli.run(new String[0], env, root -> new Shell(env, root, terminal).run());
        }
    }

    private Environment environment(InputStream in, boolean terminal) {
        return new Environment(
                variables(),
                cwd,
                home,
                in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal,
                terminal,
                terminal);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path videos() {
        return cwd.resolve("generated_videos");
    }

    @Override
    public void close() {
        server.close();
    }
}
