package dev.jimeng.bench;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The packaged jar running {@code batch FILE --yes --concurrency C} with many (10,000) jobs against a sandbox in
 * this JVM whose tasks take minutes, so all 1,000 are in flight (C at the server, the rest waiting for a
 * slot). Memory is read from {@code /proc/PID/status} and {@code jcmd PID GC.heap_info} once all are
 * journaled, and again a few seconds later.
 */
final class MemoryRun {
    /** A heap generation's line, e.g. {@code DefNew total 116160K, used 75671K} (Metaspace has no total). */
    private static final Pattern GENERATION =
            Pattern.compile("^\\s*[A-Za-z ]+?\\s+total (\\d+)K, used (\\d+)K", Pattern.MULTILINE);

    /** One look at the process. Sizes in KiB. */
    record Sample(String label, long rssKb, long hwmKb, long heapUsedKb, long heapCommittedKb, String heapInfo) {}

    record Result(
            int jobs,
            int concurrency,
            List<String> jvmFlags,
            double secondsUntilJournaled,
            int tasksAtServer,
            List<Sample> samples,
            String histogram) {}

    private MemoryRun() {}

    static Result run(Path jar, int jobs, int concurrency, List<String> jvmFlags, Path work) throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(Duration.ofSeconds(1))
                .generateDuration(Duration.ofMinutes(30))
                .concurrencyLimit(concurrency)
                .qpsLimit(100_000)
                .prepareVideosOnSubmit(false)
                .build();
        Path home = Files.createDirectories(work.resolve("home"));
        Path batch = work.resolve("jobs.txt");
        Files.write(
                batch,
                IntStream.range(0, jobs)
                        .mapToObj(i -> "in-flight job " + i + ": a lighthouse at dusk")
                        .toList());
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            List<String> command = new ArrayList<>();
            command.add(javaBinary("java").toString());
            command.addAll(jvmFlags);
            command.addAll(List.of(
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "batch",
                    batch.toString(),
                    "--yes",
                    "--concurrency",
                    "" + concurrency,
                    "--max-jobs",
                    "" + jobs));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.txt").toFile())
                    .redirectError(work.resolve("stderr.txt").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_"));
            env.put("VOLC_ACCESSKEY", sandbox.credentials().accessKeyId());
            env.put("VOLC_SECRETKEY", sandbox.credentials().secretAccessKey());
            env.put("JIMENG_VIDEO_API_URL", sandbox.baseUrl());
            env.put("JIMENG_HOME", home.toString());
            env.put("JIMENG_VIDEO_POLL_INTERVAL", "1");
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                awaitJournaled(process, home, jobs, Duration.ofSeconds(300), work);
                double untilJournaled = (System.nanoTime() - start) / 1e9;
                List<Sample> samples = new ArrayList<>();
                samples.add(sample("all journaled", process.pid()));
                Sleeper.SYSTEM.sleep(Duration.ofSeconds(5));
                samples.add(sample("5 s later", process.pid()));
                jcmd(process.pid(), "GC.run");
                samples.add(sample("after a full GC", process.pid()));
                String histogram = jcmd(process.pid(), "GC.class_histogram")
                        .lines()
                        .limit(18)
                        .collect(java.util.stream.Collectors.joining("\n"));
                return new Result(
                        jobs, concurrency, jvmFlags, untilJournaled, sandbox.runningTasks(), samples, histogram);
            } finally {
                process.destroy(); // SIGTERM: jimeng releases its leases and exits
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Polls the journal (a reader does not block the writer) until it holds {@code jobs} rows. */
    private static void awaitJournaled(Process process, Path home, int jobs, Duration limit, Path work)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jimeng exited with " + process.exitValue() + ": "
                        + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
            }
            if (journaled(home) >= jobs) {
                return;
            }
            Sleeper.SYSTEM.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("not all " + jobs + " jobs journaled within " + limit);
    }

    private static int journaled(Path home) throws IOException {
        Path db;
        try (Stream<Path> files = Files.walk(home)) {
            db = files.filter(p -> p.getFileName().toString().equals("jobs.db"))
                    .findFirst()
                    .orElse(null);
        }
        if (db == null) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM jobs")) {
            return r.next() ? r.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // not created yet, or busy: look again
        }
    }

    private static Sample sample(String label, long pid) throws Exception {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        String heap = jcmd(pid, "GC.heap_info");
        long used = 0;
        long committed = 0;
        Matcher m = GENERATION.matcher(heap);
        while (m.find()) {
            committed += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
        }
        return new Sample(label, kb(status, "VmRSS"), kb(status, "VmHWM"), used, committed, heap.strip());
    }

    private static long kb(String procStatus, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(procStatus);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String jcmd(long pid, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(javaBinary("jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** A tool of the JDK running this benchmark (the build's toolchain JDK). */
    static Path javaBinary(String tool) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return java.resolveSibling(tool);
    }
}
