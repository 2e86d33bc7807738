package dev.jimeng.job;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.ApiException;
import dev.jimeng.api.JimengApi;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.api.SubmitResult;
import dev.jimeng.api.TaskResult;
import dev.jimeng.api.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory stand-in for the Jimeng task API with a script: errors to answer next, how many
 * polls a task takes, a server-side concurrency limit. Counts everything the engine does to it.
 * For deterministic tests of the engine's story only; end-to-end tests use the sandbox server.
 */
final class ScriptedServer {
    final ConcurrentLinkedDeque<ApiError> submitErrors = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<ApiError> pollErrors = new ConcurrentLinkedDeque<>();
    final Map<String, Task> tasks = new ConcurrentHashMap<>();
    final List<SubmitBody> accepted = new ArrayList<>();
    volatile int pollsUntilDone = 2;
    volatile int concurrencyLimit = Integer.MAX_VALUE;
    private final String videoBase;
    private int submitCalls;
    private int inFlight;
    private int maxInFlight;
    private int rejectedForConcurrency;
    private long nextTaskId = 7392616336519610409L;

    static final class Task {
        final String id;
        int polls;
        int urlVersion;
        TaskStatus forcedStatus;
        ApiError failure;
        boolean finished;

        Task(String id) {
            this.id = id;
        }
    }

    ScriptedServer(String videoBase) {
        this.videoBase = videoBase;
    }

    synchronized SubmitResult submit(SubmitBody body) throws ApiException {
        submitCalls++;
        ApiError scripted = submitErrors.poll();
        if (scripted != null) {
            throw new ApiException(scripted);
        }
        if (inFlight >= concurrencyLimit) {
            rejectedForConcurrency++;
            throw new ApiException(Errors.concurrencyLimit());
        }
        Task task = new Task(String.valueOf(nextTaskId++));
        tasks.put(task.id, task);
        accepted.add(body);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new SubmitResult(task.id, "req-" + task.id);
    }

    synchronized TaskResult getResult(String reqKey, String taskId) throws ApiException {
        ApiError scripted = pollErrors.poll();
        if (scripted != null) {
            throw new ApiException(scripted);
        }
        Task task = tasks.get(taskId);
        if (task == null) {
            return new TaskResult(TaskStatus.NOT_FOUND, "", "r", false);
        }
        task.polls++;
        if (task.forcedStatus != null) {
            if (task.forcedStatus.terminal()) {
                finish(task);
            }
            return new TaskResult(task.forcedStatus, "", "r", false);
        }
        if (task.failure != null) {
            finish(task);
            throw new ApiException(task.failure);
        }
        if (task.polls < pollsUntilDone && !task.finished) {
            return new TaskResult(task.polls == 1 ? TaskStatus.IN_QUEUE : TaskStatus.GENERATING, "", "r", false);
        }
        finish(task);
        task.urlVersion++;
        String url =
                videoBase + "/v/" + task.id + "?X-Expires=3600&X-Signature=SECRET-" + task.id + "-v" + task.urlVersion;
        return new TaskResult(TaskStatus.DONE, url, "r", true);
    }

    private void finish(Task task) {
        if (!task.finished) {
            task.finished = true;
            inFlight--;
        }
    }

    /** A task the server already has (for journals written by an earlier process). */
    synchronized Task preload(String taskId, boolean finished) {
        Task task = new Task(taskId);
        task.finished = finished;
        if (!finished) {
            inFlight++;
        }
        tasks.put(taskId, task);
        return task;
    }

    synchronized int submitCalls() {
        return submitCalls;
    }

    synchronized int maxInFlight() {
        return maxInFlight;
    }

    synchronized int rejectedForConcurrency() {
        return rejectedForConcurrency;
    }

    synchronized int polls(String taskId) {
        return tasks.get(taskId).polls;
    }

    Client client(Clock clock) {
        return new Client(clock);
    }

    /** One process's API client: counts its own calls, can be made to hang. */
    final class Client implements JimengApi {
        final AtomicInteger submits = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        private final Clock clock;
        volatile Instant firstPollAt;
        volatile Hook beforePoll = () -> {};
        volatile Hook beforeSubmit = () -> {};

        Client(Clock clock) {
            this.clock = clock;
        }

        @Override
        public SubmitResult submit(SubmitBody body) throws ApiException {
            submits.incrementAndGet();
            beforeSubmit.run();
            return ScriptedServer.this.submit(body);
        }

        @Override
        public TaskResult getResult(String reqKey, String taskId) throws ApiException {
            if (polls.getAndIncrement() == 0) {
                firstPollAt = clock.instant();
            }
            beforePoll.run();
            return ScriptedServer.this.getResult(reqKey, taskId);
        }
    }

    @FunctionalInterface
    interface Hook {
        void run() throws ApiException;
    }
}
