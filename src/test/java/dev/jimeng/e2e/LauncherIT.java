package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repo's launcher ({@code ./jimeng}) in a copy of its folder with the packaged jar and no
 * sources (so it never builds): it makes its start-up cache once, and keeps it while the same JDK
 * runs it, also when that JDK is reached through another JAVA_HOME (a symbolic link, as an IDE's
 * terminal or an SDK manager's "current" may give).
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void theStartUpCacheIsMadeOnceForAJdkWhicheverJavaHomeNamesIt() throws Exception {
        Path repo = repoCopy();
        Path jdk = thisJdk();
        Path sameJdk = Files.createSymbolicLink(dir.resolve("current-jdk"), jdk);

        String first = launch(repo, jdk);
        String again = launch(repo, jdk);
        String throughLink = launch(repo, sameJdk);

        assertThat(first).contains("preparing a faster start");
        assertThat(again).as("a second start, same JAVA_HOME").doesNotContain("preparing");
        assertThat(throughLink).as("the same JDK through another JAVA_HOME").doesNotContain("preparing");
    }

    @Test
    void aLauncherWithOtherJvmFlagsMakesTheCacheAgain() throws Exception {
        Path repo = repoCopy();
        Path jdk = thisJdk();
        launch(repo, jdk);
        Path launcher = repo.resolve("jimeng");
        String script = Files.readString(launcher, StandardCharsets.UTF_8);
        // an update of the launcher that changes a flag (the cache it made would be refused, or stale)
        Files.writeString(
                launcher,
                script.replaceFirst("(?m)^jvm_flags=\\(", "jvm_flags=(-XX:+UseCompressedOops "),
                StandardCharsets.UTF_8);

        assertThat(launch(repo, jdk)).contains("preparing a faster start");
        assertThat(launch(repo, jdk)).doesNotContain("preparing");
    }

    @Test
    void aRunningJimengKeepsWorkingWhileItsJarIsBuiltAgain() throws Exception {
        Path repo = repoCopy();
        Path jdk = thisJdk();
        launch(repo, jdk); // the first run's start-up cache
        Path out = dir.resolve("shell-out.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(repo.resolve("jimeng").toString()))
                .redirectOutput(out.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("JIMENG_HOME", dir.resolve("home").toString());
        Process shell = builder.start();
        try (var commands = new java.io.PrintWriter(shell.getOutputStream(), true, StandardCharsets.UTF_8)) {
            commands.println("gallery --help");
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(1))
                    .until(() -> Files.readString(out, StandardCharsets.UTF_8).contains("Usage: jimeng gallery"));

            // Maven writes target/jimeng.jar anew while the shell runs (here: in place, the worst case)
            byte[] rebuilt = Files.readAllBytes(repo.resolve("target/jimeng.jar"));
            java.util.Arrays.fill(rebuilt, 0, rebuilt.length / 2, (byte) 0);
            Files.write(repo.resolve("target/jimeng.jar"), rebuilt);

            commands.println("spend"); // classes not loaded yet: read from the jar now
        }
        assertThat(shell.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "ZipException");
        assertThat(text).contains("Usage: jimeng gallery", "billed");
        assertThat(shell.exitValue()).as(text).isZero();
    }

    /** The launcher and the packaged jar in a folder of their own, without sources (so it never builds). */
    private Path repoCopy() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(Path.of("jimeng"), repo.resolve("jimeng"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(repo.resolve("target"));
        Files.copy(JimengProcess.jar(), repo.resolve("target/jimeng.jar"));
        return repo;
    }

    /** The JDK running these tests, by its real path. */
    private static Path thisJdk() throws Exception {
        return Path.of(ProcessHandle.current().info().command().orElseThrow())
                .toRealPath()
                .getParent()
                .getParent();
    }

    /** Runs {@code jimeng --version} with {@code javaHome}; returns what it wrote to stderr. */
    private String launch(Path repo, Path javaHome) throws Exception {
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(repo.resolve("jimeng").toString(), "--version"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JIMENG_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
