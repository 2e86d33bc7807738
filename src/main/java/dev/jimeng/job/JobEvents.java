package dev.jimeng.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What {@link JobManager} tells the world about its jobs: the snapshot last published for each job
 * it runs, the listeners that see every change, and the futures that complete when a job ends (see
 * {@link JobManager#whenTerminal}).
 */
final class JobEvents {
    private final Map<String, JobSnapshot> live = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JobSnapshot>> endings = new ConcurrentHashMap<>();
    private final List<Consumer<JobSnapshot>> listeners = new CopyOnWriteArrayList<>();

    void publish(JobSnapshot snapshot) {
        live.put(snapshot.id(), snapshot);
        for (Consumer<JobSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException ignored) {
                // a broken view must not stop a job
            }
        }
    }

    AutoCloseable subscribe(Consumer<JobSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The snapshot last published for the job, or null (none since its run ended). */
    JobSnapshot latest(String id) {
        return live.get(id);
    }

    /** The job's run has ended: its last snapshot is no longer news. */
    void runStopped(String id) {
        live.remove(id);
    }

    /** The future of the job's ending, made on the first ask. */
    CompletableFuture<JobSnapshot> ending(String id) {
        return endings.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** Tells everyone waiting for the job that it has ended. */
    void ended(String id, JobSnapshot last) {
        ending(id).complete(last);
    }

    /** A run of the job starts: an ending already told belongs to an earlier run; a pending one is kept. */
    void runStarting(String id) {
        endings.compute(id, (k, old) -> old == null || old.isDone() ? new CompletableFuture<>() : old);
    }

    /** An ended job is started again: its old ending no longer holds. */
    void restarting(String id) {
        endings.remove(id);
    }

    /** The manager is closing: nobody waits for an ending any more, and nobody listens. */
    void close() {
        endings.values().forEach(f -> f.completeExceptionally(new CancellationException("jimeng is shutting down")));
        listeners.clear();
    }
}
