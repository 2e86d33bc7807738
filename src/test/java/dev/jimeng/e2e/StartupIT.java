package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a start costs: --version and --help run from the packaged jar load none of the heavy
 * libraries (JSON, SQLite, HTTP client, JLine, Lanterna). The JVM's own class-loading log tells.
 */
class StartupIT {
    private static final List<String> HEAVY = List.of(
            "com.fasterxml.",
            "org.sqlite.",
            "java.net.http.",
            "jdk.internal.net.http.",
            "org.jline.",
            "com.googlecode.lanterna.");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "--help", "generate --help", "jobs --help"})
    void loadsNoHeavyLibrary(String args) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load=info:file=" + log,
                "-jar",
                JimengProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args.split(" ")));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out"))).isZero();

        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("^\\S*\\[class,load\\] (\\S+) .*$", "$1"))
                .toList();
        assertThat(loaded).as("classes loaded").contains("dev.jimeng.Main");
        assertThat(loaded).as("heavy classes loaded by jimeng %s", args).noneMatch(name -> HEAVY.stream()
                .anyMatch(name::startsWith));
    }
}
