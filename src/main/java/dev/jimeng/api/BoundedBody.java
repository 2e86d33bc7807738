package dev.jimeng.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads an API answer's body within the call's deadline and size limit. The JDK client's own
 * timeout ends when the headers arrive; here a watchdog closes the body at the deadline, which wakes
 * a read blocked on a stalled server. At most {@code limit} + 1 bytes are read, so a hostile or
 * misdirected server cannot fill memory. It reads on the calling thread: no stage of the exchange
 * waits for a shared pool that something else may be blocking.
 */
final class BoundedBody {
    /** The answer exceeded the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    /** The deadline passed while the body was still arriving. */
    static final class DeadlinePassed extends IOException {
        DeadlinePassed() {
            super("the answer did not arrive before the deadline");
        }
    }

    private BoundedBody() {}

    /** The whole body, or TooLarge / DeadlinePassed / the read's IOException. */
    static byte[] read(HttpResponse<InputStream> response, int limit, long deadlineNanos) throws IOException {
        try (InputStream body = response.body()) {
            if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
                throw new TooLarge(limit);
            }
            Thread reader = Thread.currentThread();
            boolean[] fired = {false};
            Thread watchdog = Thread.ofVirtual().name("jimeng-api-deadline").start(() -> {
                long left;
                while ((left = deadlineNanos - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                    if (Thread.currentThread().isInterrupted()) {
                        return; // the body arrived in time
                    }
                }
                synchronized (fired) {
                    fired[0] = true;
                }
                closeQuietly(body);
            });
            try {
                byte[] bytes = body.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    throw new TooLarge(limit);
                }
                return bytes;
            } catch (IOException e) {
                synchronized (fired) {
                    if (fired[0] && !reader.isInterrupted()) {
                        throw new DeadlinePassed();
                    }
                }
                throw e;
            } finally {
                watchdog.interrupt();
                try {
                    watchdog.join(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    reader.interrupt();
                }
            }
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the exchange ends either way
        }
    }
}
