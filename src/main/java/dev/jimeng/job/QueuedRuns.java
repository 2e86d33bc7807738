package dev.jimeng.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runs of this process's QUEUED jobs, in arrival order, that have no thread yet. One dispatcher
 * starts them in turn, each once the one before it stands in the line for a server slot and that
 * line is shorter than the number of slots ({@link ServerSlots#awaitShortLine}). So a queue of
 * 10,000 jobs costs 10,000 small objects instead of 10,000 parked threads with their stacks; slots
 * are handed out in the order the jobs were queued; and when a whole wave of slots frees at once,
 * a run for each has already taken its lease and sends the moment its slot frees.
 */
final class QueuedRuns {
    private final ServerSlots slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final SequencedMap<String, JobRun> waiting = new LinkedHashMap<>();
    private Thread dispatcher;
    private boolean closed;

    QueuedRuns(ServerSlots slots) {
        this.slots = slots;
    }

    /** Queues the run; its thread starts when the runs queued before it are in line for a slot. */
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

    /** How many runs wait here without a thread. */
    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
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
                slots.awaitShortLine();
                JobRun next = next();
                next.start();
                next.awaitPlaced(); // so the next one cannot get in line before it
            }
        } catch (InterruptedException e) {
            // closing: the queued jobs are carried on by the next start
        }
    }

    private JobRun next() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty()) {
                added.await();
            }
            Map.Entry<String, JobRun> first = waiting.pollFirstEntry();
            return first.getValue();
        } finally {
            lock.unlock();
        }
    }
}
