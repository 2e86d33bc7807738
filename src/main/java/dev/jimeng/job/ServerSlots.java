package dev.jimeng.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local view of the server's concurrency limit: at most {@code limit} of our tasks submitting or
 * running at once, first come first served. A task found already running at start-up occupies a
 * slot without waiting, even beyond the limit (it is at the server whether we like it or not).
 *
 * <p>It also knows when a slot is being handed over (a slot is free and someone waits for it, or a
 * caller took one and its submit has no answer yet): the next task's time at the server starts only
 * when its submit arrives, so work that can wait, such as a done video's download and hash, waits for
 * the handover to end ({@link #awaitNoHandover}) rather than compete with it for the CPU.
 */
final class ServerSlots {
    private int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Object> waiting = new ArrayDeque<>();
    private int inUse;
    /** Slots taken by {@link #acquire} whose caller has not yet said {@link #handedOver}. */
    private int handingOver;

    ServerSlots(int limit) {
        this.limit = limit;
    }

    /**
     * Waits for a free slot, in arrival order, and takes it. The caller then sends its submit and says
     * {@link #handedOver} once it has the answer (or does not send it after all).
     */
    void acquire() throws InterruptedException {
        acquire(() -> {});
    }

    /** As {@link #acquire()}, telling {@code inLine} once this caller's place in the line is taken. */
    void acquire(Runnable inLine) throws InterruptedException {
        Object ticket = new Object();
        lock.lock();
        try {
            waiting.addLast(ticket);
            inLine.run();
            try {
                while (waiting.peekFirst() != ticket || inUse >= limit) { // limit read under the lock
                    changed.await();
                }
            } catch (InterruptedException e) {
                waiting.remove(ticket);
                changed.signalAll();
                throw e;
            }
            waiting.removeFirst();
            inUse++;
            handingOver++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The submit sent on a slot taken by {@link #acquire} has its answer, or was not sent. */
    void handedOver() {
        lock.lock();
        try {
            handingOver--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, up to {@code max}, until no slot is being handed over: no submit sent on a taken slot is
     * without its answer, and no free slot has a caller in line. True when none is.
     */
    boolean awaitNoHandover(Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        try {
            while (handingOver > 0 || (!waiting.isEmpty() && inUse < limit)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until fewer callers wait in line than there are slots: enough of them to fill every slot
     * that frees at once, so the next in line can be started later without delaying anyone.
     */
    void awaitShortLine() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.size() >= limit) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the limit while tasks run (the shell's {@code set concurrency}). Tasks already at the
     * server keep their slots; a lower limit only holds back the next ones.
     */
    void setLimit(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("server concurrency must be at least 1: " + value);
        }
        lock.lock();
        try {
            limit = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a slot at once (a task that is already at the server). */
    void occupy() {
        lock.lock();
        try {
            inUse++;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            inUse--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks may be at the server at once, as now set. */
    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    int inUse() {
        lock.lock();
        try {
            return inUse;
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
