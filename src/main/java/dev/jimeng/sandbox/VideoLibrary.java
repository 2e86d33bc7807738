package dev.jimeng.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Encoded MP4s, one per size and length, kept in a cache directory between runs. Encoding starts
 * when a task is submitted, in the background, so the file is usually ready by the time the task
 * is done; a download that comes earlier waits for it.
 *
 * <p>The encoder and the work in progress are shared by every sandbox in the process, and
 * closing a sandbox does not stop an encode: it finishes into the cache, where the next sandbox
 * (a test suite starts dozens) finds it instead of encoding the same video again.
 */
final class VideoLibrary {
    // encoding is CPU work: one platform thread; the frames of one video fan out to the common pool
    private static final ExecutorService ENCODER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jimeng-sandbox-encoder");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Path, CompletableFuture<Path>> FILES = new ConcurrentHashMap<>();
    private static final Map<String, List<ByteBuffer>> LOOPS = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final int distinctFrames;

    VideoLibrary(Path cacheDir, int distinctFrames) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.distinctFrames = distinctFrames;
    }

    /** Starts making the video if it is not made or being made; returns its future path. */
    CompletableFuture<Path> prepare(VideoSpec spec) {
        Path target = cacheDir.resolve(spec.fileName(distinctFrames));
        return FILES.computeIfAbsent(target, t -> CompletableFuture.supplyAsync(() -> make(spec, t), ENCODER));
    }

    /** The video's file, waiting for the encoder if needed. */
    Path await(VideoSpec spec) throws IOException {
        CompletableFuture<Path> future = prepare(spec);
        try {
            Path file = future.get();
            if (Files.isRegularFile(file)) {
                return file;
            }
            // deleted from the cache since: make it again
            FILES.remove(file, future);
            return prepare(spec).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the video", e);
        } catch (ExecutionException e) {
            FILES.values().remove(future);
            throw new IOException("could not make the sandbox video", e.getCause());
        }
    }

    private Path make(VideoSpec spec, Path target) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) > 0) {
                return target;
            }
            Files.createDirectories(cacheDir);
            List<ByteBuffer> loop = LOOPS.computeIfAbsent(
                    spec.width() + "x" + spec.height() + "x" + distinctFrames,
                    k -> Mp4Encoder.encodeLoop(spec.width(), spec.height(), distinctFrames));
            Path partial = Files.createTempFile(cacheDir, "partial-", ".mp4");
            try {
                Mp4Encoder.mux(loop, spec.width(), spec.height(), spec.frames(), partial);
                // another process may write the same file: whole files only, never half-written
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
