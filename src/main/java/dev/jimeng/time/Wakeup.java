package dev.jimeng.time;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * News that can end a {@link Sleeper}'s sleep before its time is up. Each {@link #signal()} counts; a
 * sleeper passes the count it last saw, so news that came between looking and sleeping is not lost.
 */
public final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private long count;

    /** How many times this has been signalled. */
    public long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every sleeper waiting on this. */
    public void signal() {
        lock.lock();
        try {
            count++;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code max} for a signal after the {@code seen}-th; true when one came. */
    boolean await(long seen, Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        try {
            while (count == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = signalled.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
