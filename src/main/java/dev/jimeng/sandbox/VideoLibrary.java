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
 */
final class VideoLibrary implements AutoCloseable {
    private final Path cacheDir;
    private final int distinctFrames;
    private final ExecutorService encoder;
    private final Map<VideoSpec, CompletableFuture<Path>> files = new ConcurrentHashMap<>();
    private final Map<String, List<ByteBuffer>> loops = new ConcurrentHashMap<>();

    VideoLibrary(Path cacheDir, int distinctFrames) {
        this.cacheDir = cacheDir;
        this.distinctFrames = distinctFrames;
        // encoding is CPU work: a platform thread, and the frames inside fan out to the common pool
        this.encoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jimeng-sandbox-encoder");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts making the video if it is not made or being made; returns its future path. */
    CompletableFuture<Path> prepare(VideoSpec spec) {
        return files.computeIfAbsent(spec, s -> CompletableFuture.supplyAsync(() -> make(s), encoder));
    }

    /** The video's file, waiting for the encoder if needed. */
    Path await(VideoSpec spec) throws IOException {
        try {
            return prepare(spec).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the video", e);
        } catch (ExecutionException e) {
            files.remove(spec);
            throw new IOException("could not make the sandbox video", e.getCause());
        }
    }

    private Path make(VideoSpec spec) {
        Path target = cacheDir.resolve(spec.fileName(distinctFrames));
        try {
            if (Files.isRegularFile(target) && Files.size(target) > 0) {
                return target;
            }
            Files.createDirectories(cacheDir);
            List<ByteBuffer> loop = loops.computeIfAbsent(
                    spec.width() + "x" + spec.height(),
                    k -> Mp4Encoder.encodeLoop(spec.width(), spec.height(), distinctFrames));
            Path partial = Files.createTempFile(cacheDir, "partial-", ".mp4");
            try {
                Mp4Encoder.mux(loop, spec.width(), spec.height(), spec.frames(), partial);
                // another sandbox may write the same file: whole files only, never half-written
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        encoder.shutdownNow();
    }
}
