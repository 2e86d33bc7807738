package dev.jimeng.job.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes a response body that has sent nothing for the read timeout. The JDK HttpClient's request
 * timeout only covers the wait for the headers; a body that stalls would otherwise block forever.
 * Closing the stream wakes the blocked reader with an IOException. Measures real time on purpose:
 * it watches a real socket.
 */
final class StallWatchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Closeable body;
    private final Thread watcher;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean done;
    private volatile boolean fired;

    private StallWatchdog(Closeable body, Duration timeout) {
        this.body = body;
        this.timeoutNanos = timeout.toNanos();
        this.watcher = Thread.ofVirtual().name("download-stall-watchdog").start(this::watch);
    }

    static StallWatchdog watch(Closeable body, Duration timeout) {
        return new StallWatchdog(body, timeout);
    }

    /** Bytes arrived: the timeout starts again. */
    void touch() {
        lastProgress = System.nanoTime();
    }

    /** Whether this watchdog closed the body. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        done = true;
        LockSupport.unpark(watcher);
    }

    private void watch() {
        while (!done) {
            long idle = System.nanoTime() - lastProgress;
            if (idle >= timeoutNanos) {
                fired = true;
                try {
                    body.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
                return;
            }
            LockSupport.parkNanos(timeoutNanos - idle);
        }
    }
}
