package dev.jimeng.bench;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The packaged jar running {@code batch FILE --yes --concurrency C} against a sandbox whose jobs take T,
 * timed from the process start to its exit (JVM start-up, journal creation and the last download
 * included), as a user at a shell would time it.
 */
final class CommandLineRun {
    record Result(int jobs, int concurrency, Duration jobTime, Duration pollInterval, double seconds, int exitCode) {
        double idealSeconds() {
            return Math.ceil((double) jobs / concurrency) * jobTime.toNanos() / 1e9;
        }

        double ratio() {
            return seconds / idealSeconds();
        }
    }

    private CommandLineRun() {}

    static Result run(
            Path jar,
            int jobs,
            int concurrency,
            Duration queue,
            Duration generate,
            Duration poll,
            List<String> jvmFlags,
            Path work)
            throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(queue)
                .generateDuration(generate)
                .concurrencyLimit(concurrency)
                .qpsLimit(100_000)
                .build();
        Path home = Files.createDirectories(work.resolve("home"));
        Path out = Files.createDirectories(work.resolve("videos"));
        Path batch = work.resolve("jobs.txt");
        Files.write(
                batch,
                IntStream.range(0, jobs)
                        .mapToObj(i -> "command-line job " + i + ": a kite over a winter beach")
                        .toList());
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            List<String> command = new ArrayList<>();
            command.add(MemoryRun.javaBinary("java").toString());
            command.add("--enable-native-access=ALL-UNNAMED");
            command.addAll(jvmFlags);
            command.addAll(List.of(
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "batch",
                    batch.toString(),
                    "--yes",
                    "--concurrency",
                    "" + concurrency,
                    "--output-dir",
                    out.toString()));
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
            env.put("JIMENG_VIDEO_POLL_INTERVAL", Double.toString(poll.toMillis() / 1000.0));
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("jimeng batch did not finish in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jimeng batch exited " + process.exitValue() + ": "
                        + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
            }
            return new Result(jobs, concurrency, queue.plus(generate), poll, seconds, process.exitValue());
        }
    }
}
