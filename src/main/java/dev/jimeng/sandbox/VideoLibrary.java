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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

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
    private static final Map<Path, Job> FILES = new ConcurrentHashMap<>();
    private static final Map<String, List<ByteBuffer>> LOOPS = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final int distinctFrames;

    VideoLibrary(Path cacheDir, int distinctFrames) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.distinctFrames = distinctFrames;
    }

    /** Queues the video for the background encoder unless it is made or being made. */
    void prepare(VideoSpec spec) {
        job(spec);
    }

    /**
     * The video's file. If the encoder has not reached it yet (it may be busy with other sizes),
     * the caller makes it itself instead of waiting in the queue.
     */
    Path await(VideoSpec spec) throws IOException {
        Job job = job(spec);
        job.runIfUnclaimed();
        try {
            Path file = job.result.get();
            if (Files.isRegularFile(file)) {
                return file;
            }
            // deleted from the cache since: make it again
            FILES.remove(file, job);
            Job again = job(spec);
            again.runIfUnclaimed();
            return again.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the video", e);
        } catch (ExecutionException e) {
            FILES.values().remove(job);
            throw new IOException("could not make the sandbox video", e.getCause());
        }
    }

    private Job job(VideoSpec spec) {
        Path target = cacheDir.resolve(spec.fileName(distinctFrames));
        return FILES.computeIfAbsent(target, t -> {
            Job job = new Job(() -> make(spec, t));
            ENCODER.execute(job::runIfUnclaimed);
            return job;
        });
    }

    /** One video to make, by whoever claims it first: the background encoder or a waiting download. */
    private static final class Job {
        final CompletableFuture<Path> result = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final Supplier<Path> work;

        Job(Supplier<Path> work) {
            this.work = work;
        }

        void runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
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
                String label = AigcLabel.json(target.getFileName().toString());
                dev.jimeng.mp4.Mp4File.rewriteMoov(partial, moov -> AigcLabel.add(moov, label));
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
