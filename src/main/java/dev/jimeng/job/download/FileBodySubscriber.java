package dev.jimeng.job.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a response body straight from the HttpClient's buffers into a {@link PartFile} (a gathering
 * write per delivery: no copy into a byte array of our own, no reader thread in between). Runs on the
 * HttpClient's threads; the downloading thread waits in {@link #await()}. Whatever arrived before a
 * drop, a stall or an interrupt is in the file, and nothing is written after {@link #abandon}.
 */
final class FileBodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    /** Looks at each delivery before it is written: may refuse it (not a video, too big). */
    @FunctionalInterface
    interface Guard {
        void check(PartFile part, ByteBuffer first, long incoming) throws DownloadException;
    }

    private final PartFile part;
    private final Guard guard;
    private final Runnable afterWrite;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Held while writing, so that after {@link #abandon} returns the file no longer changes. */
    private final ReentrantLock writing = new ReentrantLock();

    private Flow.Subscription subscription;
    private boolean stopped;

    /**
     * @param afterWrite called after each write (progress, the stall watchdog), on the writing thread
     */
    FileBodySubscriber(PartFile part, Guard guard, Runnable afterWrite) {
        this.part = part;
        this.guard = guard;
        this.afterWrite = afterWrite;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        writing.lock();
        try {
            subscription = s;
            if (stopped) {
                s.cancel();
                return;
            }
        } finally {
            writing.unlock();
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        writing.lock();
        try {
            if (stopped) {
                return;
            }
            long incoming = 0;
            for (ByteBuffer b : buffers) {
                incoming += b.remaining();
            }
            if (incoming > 0) {
                guard.check(part, buffers.get(0), incoming);
                part.append(buffers.toArray(ByteBuffer[]::new));
            }
        } catch (DownloadException | RuntimeException e) {
            stopWith(e);
            return;
        } finally {
            writing.unlock();
        }
        afterWrite.run();
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    /** Stops writing and drops the connection; a waiting {@link #await()} fails with {@code why}. */
    void abandon(IOException why) {
        writing.lock();
        try {
            stopWith(why);
        } finally {
            writing.unlock();
        }
    }

    private void stopWith(Throwable why) {
        stopped = true;
        if (subscription != null) {
            subscription.cancel();
        }
        done.completeExceptionally(why);
    }

    /**
     * Waits until the body has ended. Throws what stopped it: an IOException for a drop or stall, a
     * DownloadException for a refused body or a failed write.
     */
    void await() throws IOException, DownloadException, InterruptedException {
        try {
            done.get();
        } catch (InterruptedException e) {
            abandon(new IOException("interrupted"));
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DownloadException d) {
                throw d;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }
}
