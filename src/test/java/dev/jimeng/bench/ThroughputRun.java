package dev.jimeng.bench;

import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.DownloadResult;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.ProgressListener;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link Downloader} against {@code curl -s -o} on the same file from the same loopback server (a process of
 * its own), alternating round by round so both see the same page cache and CPU state. The parts of the
 * Downloader's work are timed too (its transport, HttpURLConnection, alone; SHA-256; fsync), to show
 * which one costs what. Downloads go to tmpfs ({@code /dev/shm}) when there is one: otherwise the kernel's
 * write-back of one round's 100 MB throttles the next round's writer at random, and curl (which does not
 * fsync) pays for it more than the Downloader (which does). The fsync is timed on the real disk apart.
 */
final class ThroughputRun {
    static final String DOWNLOADER = "Downloader (HTTP + write + fsync + length/MP4 check + rename)";
    static final String CURL = "curl -s -o (process start included)";
    static final String CLIENT_ONLY = "HttpURLConnection alone, body discarded";
    static final String SHA256 = "SHA-256 of the bytes in memory";
    static final String FSYNC = "fsync of a freshly written file on disk";

    /** Throughputs in MB/s (10^6 bytes), one list per variant, one value per round. */
    record Result(long bytes, Map<String, List<Double>> mbps) {}

    private ThroughputRun() {}

    static Result run(Path video, int rounds, Path disk) throws Exception {
        Path shm = Path.of("/dev/shm");
        Path work = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "jimeng-bench-")
                : Files.createDirectories(disk.resolve("downloads"));
        try {
            return run(video, rounds, work, disk);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static Result run(Path video, int rounds, Path work, Path disk) throws Exception {
        long bytes = Files.size(video);
        DownloadPolicy policy = DownloadPolicy.defaults();
        Downloader downloader = new Downloader(null, Clock.systemUTC(), Sleeper.SYSTEM, policy);
        Map<String, List<Double>> mbps = new LinkedHashMap<>();
        for (String variant : List.of(DOWNLOADER, CURL, CLIENT_ONLY, SHA256, FSYNC)) {
            mbps.put(variant, new ArrayList<>());
        }
        try (FileServer server = FileServer.start(video)) {
            // one untimed round each: JIT, page cache, connection set-up
            downloadOnce(downloader, server, work.resolve("warm.mp4"));
            curlOnce(server, work.resolve("warm-curl.mp4"));
            Files.delete(work.resolve("warm-curl.mp4"));
            Path target = work.resolve("round.mp4");
            for (int round = 0; round < rounds; round++) {
                mbps.get(DOWNLOADER).add(bytes / 1e6 / downloadOnce(downloader, server, target));
                mbps.get(CURL).add(bytes / 1e6 / curlOnce(server, target));
                Files.delete(target);
                mbps.get(CLIENT_ONLY).add(bytes / 1e6 / clientOnce(server, policy.bufferSize()));
            }
        }
        for (int round = 0; round < rounds; round++) {
            Path copy = Files.copy(video, disk.resolve("fsync-" + round + ".mp4"));
            mbps.get(FSYNC).add(bytes / 1e6 / fsync(copy));
            Files.delete(copy);
        }
        byte[] content = Files.readAllBytes(video);
        for (int round = 0; round < rounds; round++) {
            mbps.get(SHA256).add(bytes / 1e6 / sha256(content, policy.bufferSize()));
        }
        return new Result(bytes, mbps);
    }

    /** Seconds for one verified download, as the engine does it. */
    private static double downloadOnce(Downloader downloader, FileServer server, Path target) throws Exception {
        long start = System.nanoTime();
        DownloadResult result = downloader.download(server.url(), target, ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.bytes() != Files.size(target)) {
            throw new IllegalStateException("short download: " + result.bytes());
        }
        Files.delete(target);
        return seconds;
    }

    /** Seconds for {@code curl -s -o target url}. */
    private static double curlOnce(FileServer server, Path target) throws Exception {
        long start = System.nanoTime();
        Process curl = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-S",
                        "-f",
                        "-o",
                        target.toString(),
                        server.url().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!curl.waitFor(2, TimeUnit.MINUTES) || curl.exitValue() != 0) {
            curl.destroyForcibly();
            throw new IllegalStateException("curl failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double fsync(Path file) throws IOException {
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for a plain HttpURLConnection GET read in {@code bufferSize} pieces and dropped. */
    private static double clientOnce(FileServer server, int bufferSize) throws Exception {
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) server.url().toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            byte[] buffer = new byte[bufferSize];
            while (body.read(buffer) >= 0) {
                // only the transfer is timed
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double sha256(byte[] content, int pieceSize) throws Exception {
        long start = System.nanoTime();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < content.length; i += pieceSize) {
            digest.update(content, i, Math.min(pieceSize, content.length - i));
        }
        digest.digest();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A file of {@code bytes} pseudo-random bytes that starts with a valid {@code ftyp} box. */
    static Path syntheticMp4(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer head = ByteBuffer.allocate(24);
            head.putInt(24).put("ftypisom".getBytes()).putInt(512).put("isommp41".getBytes());
            out.write(head.array());
            for (long written = 24; written < bytes; ) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long r = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (r >>> (8 * b));
                    }
                }
                int n = (int) Math.min(chunk.length, bytes - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
        return file;
    }
}
