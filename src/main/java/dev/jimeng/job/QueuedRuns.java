package dev.jimeng.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runs of this process's QUEUED jobs that wait for a server slot, in arrival order. One thread
 * takes a slot for the first of them and only then starts its run, holding that slot: a queue of
 * 10,000 jobs costs 10,000 small objects instead of 10,000 parked threads with their stacks, and the
 * slots are handed out in the order the jobs were queued.
 */
final class QueuedRuns {
    private final ServerSlots slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final SequencedMap<String, JobRun> waiting = new LinkedHashMap<>();
    private Thread dispatcher;
    private boolean closed;
    /** True while the dispatcher waits in {@link ServerSlots#acquire()} for the first run here. */
    private volatile boolean takingSlot;

    QueuedRuns(ServerSlots slots) {
        this.slots = slots;
    }

    /** Queues the run; its thread starts once a slot is free and every run queued before it has one. */
    void add(JobRun run) {
        lock.lock();
        try {
            waiting.put(run.id(), run);
            if (dispatcher == null && !closed) {
                dispatcher = Thread.ofVirtual().name("jimeng-dispatcher").start(this::dispatch);
            }
            added.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the run off the queue before it started; false when it has started (or was never here). */
    boolean withdraw(JobRun run) {
        lock.lock();
        try {
            return waiting.remove(run.id(), run);
        } finally {
            lock.unlock();
        }
    }

    /** How many runs wait here, besides any waiting in {@link ServerSlots} themselves. */
    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** True while the dispatcher is itself one of {@link ServerSlots#waiting()} (for the first run here). */
    boolean takingSlot() {
        return takingSlot;
    }

    /** Stops starting runs; those still queued stay QUEUED in the journal for the next start. */
    void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            running = dispatcher;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.interrupt();
        }
    }

    private void dispatch() {
        try {
            while (true) {
                awaitOne();
                takingSlot = true;
                try {
                    slots.acquire();
                } finally {
                    takingSlot = false;
                }
                JobRun next = next();
                if (next == null) {
                    slots.release(); // the job it was taken for was canceled meanwhile
                } else {
                    next.startHoldingSlot();
                }
            }
        } catch (InterruptedException e) {
            // closing: the queued jobs are carried on by the next start
        }
    }

    private void awaitOne() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty()) {
                added.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private JobRun next() {
        lock.lock();
        try {
            Map.Entry<String, JobRun> first = waiting.pollFirstEntry();
            return first == null ? null : first.getValue();
        } finally {
            lock.unlock();
        }
    }
}
