package dev.jimeng.e2e;

import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jimeng jar running as a real child JVM against a sandbox, with its own JIMENG_HOME,
 * output folder and working directory. Output goes to files so the test can read it at any time.
 */
public final class JimengProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JimengProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The jar maven-failsafe built ({@code -Djimeng.jar=…}), or target/jimeng.jar when run from an IDE. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jimeng jar at " + jar.toAbsolutePath() + ": run ./mvnw package first");
        }
        return jar;
    }

    /** The environment that points jimeng at {@code sandbox} and keeps everything it writes under {@code home}. */
    public static Map<String, String> environment(SandboxServer sandbox, Path home, Path outputDir) {
        Map<String, String> env = new HashMap<>();
        env.put("VOLC_ACCESSKEY", sandbox.credentials().accessKeyId());
        env.put("VOLC_SECRETKEY", sandbox.credentials().secretAccessKey());
        env.put("JIMENG_VIDEO_API_URL", sandbox.baseUrl());
        env.put("JIMENG_HOME", home.toString());
        env.put("JIMENG_OUTPUT_DIR", outputDir.toString());
        env.put("JIMENG_VIDEO_POLL_INTERVAL", "0.1");
        return env;
    }

    /**
     * Starts {@code java -jar jimeng.jar ARGS} with the JDK running this test, in {@code workDir}, with
     * {@code env} on top of this process's environment minus anything jimeng or Volcengine reads.
     */
    public static JimengProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        String name = "jimeng-" + System.nanoTime();
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_") || k.startsWith("XDG_"));
        builder.environment().putAll(env);
        return new JimengProcess(builder.start(), out, err);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux and macOS: no shutdown hook, no finally block, no lease released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("jimeng pid " + pid() + " did not die after SIGKILL");
        }
    }

    /** Waits for a normal exit and returns the exit code; fails (after killing it) at the deadline. */
    public int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            String output = describe();
            kill();
            throw new AssertionError("jimeng did not exit within " + deadline + "\n" + output);
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both streams, for failure messages. */
    public String describe() {
        return "--- stdout of pid " + pid() + " ---\n" + stdout() + "--- stderr ---\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
