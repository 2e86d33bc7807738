package dev.jimeng.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hashes done videos, one at a time, on a platform thread of its own. A SHA-256 is CPU work that
 * never blocks: on a job's virtual thread it would hold one of the carrier threads (one per core)
 * for its whole length, and every virtual thread waiting for a carrier (a next submit, another
 * video's last bytes, a journal write, the built-in sandbox's answers) would wait with it. Here the
 * operating system shares the cores between this thread and the carriers, and hashing one video at
 * a time never takes more than one core.
 */
final class VideoHasher implements AutoCloseable {
    /** What is computed of a file: its SHA-256, or a stand-in in tests. */
    @FunctionalInterface
    interface Hash {
        String of(Path file) throws IOException;
    }

    private final Hash hash;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread hasher = new Thread(task, "jimeng-hash");
        hasher.setDaemon(true); // a hash in progress never holds the process open
        return hasher;
    });

    VideoHasher() {
        this(FileHash::sha256);
    }

    VideoHasher(Hash hash) {
        this.hash = hash;
    }

    /**
     * The hex SHA-256 of {@code file}, as the journal records it; the caller's thread waits parked.
     *
     * @throws InterruptedException the caller was interrupted, or the engine has closed
     */
    String sha256(Path file) throws IOException, InterruptedException {
        Future<String> result;
        try {
            result = thread.submit(() -> hash.of(file));
        } catch (RejectedExecutionException e) {
            throw new InterruptedException("jimeng is stopping: " + file + " was not hashed");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing " + file + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
