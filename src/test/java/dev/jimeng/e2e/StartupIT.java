package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a start costs: --version and --help run from the packaged jar load none of the heavy
 * libraries (JSON, SQLite, HTTP client, JLine, Lanterna). The JVM's own class-loading log tells.
 * What they do load can enter the start-up cache, and SQLite's native library is unpacked once.
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
        List<String> loaded = classesLoadedBy(args);
        assertThat(loaded).as("classes loaded").contains("dev.jimeng.Main");
        assertThat(loaded).as("heavy classes loaded by jimeng %s", args).noneMatch(name -> HEAVY.stream()
                .anyMatch(name::startsWith));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "spend"})
    void readingTheJournalSetsUpNoHttpClientOrTls(String args) throws Exception {
        List<String> loaded = classesLoadedBy(args);
        assertThat(loaded).as("classes loaded").contains("org.sqlite.core.NativeDB");
        assertThat(loaded)
                .as("HTTP and TLS classes loaded by jimeng %s", args)
                .noneMatch(name -> name.startsWith("java.net.http.HttpClient$Builder")
                        || name.startsWith("jdk.internal.net.http.")
                        || name.startsWith("sun.security.ssl."));
    }

    /** The classes {@code java -jar jimeng.jar ARGS} loads, from the JVM's own log, in a fresh home. */
    private List<String> classesLoadedBy(String args) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log,
                "-jar",
                JimengProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_"));
        builder.environment().put("JIMENG_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out"))).isZero();
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("^\\S*\\[class,load\\] (\\S+) .*$", "$1"))
                .toList();
    }

    @Test
    void picocliIsBytecodeTheStartupCacheKeeps() throws Exception {
        // the JVM's AOT/CDS cache refuses class files older than Java 6 (major version 50); picocli's
        // own jar is Java 5, so the build compiles picocli from its sources instead
        try (ZipFile jar = new ZipFile(JimengProcess.jar().toFile())) {
            byte[] header = jar.getInputStream(jar.getEntry("picocli/CommandLine.class"))
                    .readNBytes(8);
            int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            assertThat(major)
                    .as("class file major version of picocli.CommandLine")
                    .isGreaterThanOrEqualTo(65);
        }
    }

    @Test
    void sqliteNativeLibraryIsUnpackedOnceIntoTheStateFolder() throws Exception {
        Path home = dir.resolve("home");
        // a temp folder that cannot exist: sqlite-jdbc's own unpacking there would fail the command
        Map<String, String> env =
                Map.of("JIMENG_HOME", home.toString(), "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=/nonexistent/jimeng-tmp");
        Path kept = null;
        long firstModified = 0;
        for (int run = 0; run < 2; run++) {
            try (JimengProcess jobs = JimengProcess.start(dir.resolve("work"), env, "jobs")) {
                assertThat(jobs.awaitExit(java.time.Duration.ofSeconds(60)))
                        .as(jobs.describe())
                        .isZero();
            }
            try (Stream<Path> files = Files.walk(home.resolve("native"))) {
                kept = files.filter(f -> f.getFileName().toString().contains("sqlitejdbc"))
                        .findFirst()
                        .orElseThrow();
            }
            if (run == 0) {
                firstModified = Files.getLastModifiedTime(kept).toMillis();
            }
        }
        assertThat(Files.getLastModifiedTime(kept).toMillis())
                .as("the second start reuses the kept copy")
                .isEqualTo(firstModified);
        assertThat(kept.getParent().getFileName().toString()).startsWith("sqlite-jdbc-");
    }
}
