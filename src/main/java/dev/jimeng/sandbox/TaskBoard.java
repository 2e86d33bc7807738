package dev.jimeng.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/** The sandbox's tasks, its concurrency limit, and the most tasks ever seen running at once. */
final class TaskBoard {
    private final Duration queue;
    private final Duration generate;
    private final Duration lifetime;
    private final int concurrencyLimit;
    private final Map<String, SandboxTask> tasks = new LinkedHashMap<>();
    private final Map<String, SandboxTask> aliases = new HashMap<>();
    private int maxConcurrent;

    private final TaskJournal journal;
    private final double spread;
    private final SplittableRandom spreadRandom;

    TaskBoard(Duration queue, Duration generate, Duration lifetime, int concurrencyLimit, TaskJournal journal) {
        this(queue, generate, lifetime, concurrencyLimit, journal, 0, 0);
    }

    /** As above, each task generating for {@code generate} times e^(spread·N(0,1)), from {@code seed}. */
    TaskBoard(
            Duration queue,
            Duration generate,
            Duration lifetime,
            int concurrencyLimit,
            TaskJournal journal,
            double spread,
            long seed) {
        this.spread = spread;
        this.spreadRandom = new SplittableRandom(seed);
        this.queue = queue;
        this.generate = generate;
        this.lifetime = lifetime;
        this.concurrencyLimit = concurrencyLimit;
        this.journal = journal;
        journal.load().forEach(t -> tasks.put(t.taskId(), t));
    }

    /**
     * Accepts a new task unless {@code concurrencyLimit} tasks are still not done at {@code now}.
     *
     * @return the task, or empty when the limit is reached
     */
    synchronized Optional<SandboxTask> admit(String reqKey, Instant now, VideoSpec video, boolean failsOutputReview) {
        int running = running(now);
        if (running >= concurrencyLimit) {
            return Optional.empty();
        }
        SandboxTask task = new SandboxTask(newTaskId(), reqKey, now, video, failsOutputReview, drawGenerate());
        tasks.put(task.taskId(), task);
        journal.append(task);
        // states only change with time, so the peak is always reached right after an admit
        maxConcurrent = Math.max(maxConcurrent, running + 1);
        return Optional.of(task);
    }

    /** Makes {@code task} findable under {@code id} too (the task-id fault); not journaled. */
    synchronized void alias(String id, SandboxTask task) {
        if (!id.equals(task.taskId())) {
            aliases.put(id, task);
            aliases.put(id.trim(), task); // as a client that trims what it reads will ask
        }
    }

    synchronized Optional<SandboxTask> find(String taskId) {
        SandboxTask task = tasks.get(taskId);
        return Optional.ofNullable(task != null ? task : aliases.get(taskId));
    }

    ServedStatus status(SandboxTask task, Instant now) {
        return task.statusAt(now, queue, generate, lifetime);
    }

    /** When the task with this id is done (its submit, queue and generating time), or empty for an unknown id. */
    synchronized Optional<Instant> doneAt(String taskId) {
        return find(taskId).map(t -> t.doneAt(queue, generate));
    }

    synchronized int running(Instant now) {
        int count = 0;
        for (SandboxTask t : tasks.values()) {
            if (t.doneAt(queue, generate).isAfter(now)) {
                count++;
            }
        }
        return count;
    }

    /** This task's generating time: the configured one, or around it when a spread is set. */
    private Duration drawGenerate() {
        if (spread == 0) {
            return null;
        }
        double factor = Math.exp(spread * spreadRandom.nextGaussian());
        return Duration.ofNanos(Math.round(generate.toNanos() * factor));
    }

    synchronized int maxConcurrent() {
        return maxConcurrent;
    }

    synchronized int size() {
        return tasks.size();
    }

    /** 19 digits, like the real service's task ids; never starts with 0. */
    private String newTaskId() {
        String id;
        do {
            long tail = ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L);
            id = "7" + String.format("%018d", tail);
        } while (tasks.containsKey(id));
        return id;
    }
}
