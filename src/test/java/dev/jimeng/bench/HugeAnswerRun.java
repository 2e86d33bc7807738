package dev.jimeng.bench;

import dev.jimeng.api.HostileServer;
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

/**
 * The packaged jar's peak RSS (GNU time's maximum resident set size) for one {@code generate}: once
 * as an ordinary job against a sandbox in this JVM, once against a {@link HostileServer} that answers
 * the submit with 300 MiB streamed without a Content-Length, which jimeng must refuse after 1 MiB.
 */
final class HugeAnswerRun {
    static final Path GNU_TIME = Path.of("/usr/bin/time");
    static final long ANSWER_BYTES = 300L * 1024 * 1024;

    /** One run: peak RSS in KiB, exit code, wall time, and what the server sent. */
    record Result(String label, long peakRssKb, int exitCode, double seconds, long bytesSent, String stderr) {}

    private HugeAnswerRun() {}

    static Result ordinaryJob(Path jar, List<String> jvmFlags, Path work) throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(300))
                .generateDuration(Duration.ofMillis(700))
                .build();
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            return run(
                    "ordinary job",
                    jar,
                    jvmFlags,
                    work.resolve("ordinary"),
                    sandbox.baseUrl(),
                    sandbox.credentials().accessKeyId(),
                    sandbox.credentials().secretAccessKey(),
                    -1);
        }
    }

    static Result hugeAnswer(Path jar, List<String> jvmFlags, Path work) throws Exception {
        try (HostileServer server = HostileServer.start(HostileServer.hugeAnswer(ANSWER_BYTES, false))) {
            Result r = run(
                    "300 MiB answer",
                    jar,
                    jvmFlags,
                    work.resolve("huge"),
                    server.baseUrl().toString(),
                    "AKLTBENCHACCESSKEY",
                    "BENCH-SECRET-0123456789",
                    -1);
            return new Result(r.label(), r.peakRssKb(), r.exitCode(), r.seconds(), server.bodyBytesSent(), r.stderr());
        }
    }

    private static Result run(
            String label,
            Path jar,
            List<String> jvmFlags,
            Path work,
            String apiUrl,
            String accessKey,
            String secretKey,
            long bytesSent)
            throws Exception {
        Files.createDirectories(work);
        Path rss = work.resolve("max-rss-kb.txt");
        List<String> command = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        command.add(MemoryRun.javaBinary("java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "generate", "a lighthouse at dusk"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_"));
        env.put("VOLC_ACCESSKEY", accessKey);
        env.put("VOLC_SECRETKEY", secretKey);
        env.put("JIMENG_VIDEO_API_URL", apiUrl);
        env.put("JIMENG_HOME", Files.createDirectories(work.resolve("home")).toString());
        env.put("JIMENG_OUTPUT_DIR", work.resolve("videos").toString());
        env.put("JIMENG_VIDEO_POLL_INTERVAL", "0.2");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(label + ": jimeng did not finish within 120 s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
        String maxRss = Files.readString(rss, StandardCharsets.UTF_8).strip();
        long kb = Long.parseLong(maxRss.substring(maxRss.lastIndexOf('\n') + 1).strip());
        return new Result(label, kb, process.exitValue(), seconds, bytesSent, stderr);
    }
}
