package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds fixed job snapshots for panel tests. */
final class Jobs {
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final List<JobState> HAPPY_PATH = List.of(
            JobState.QUEUED,
            JobState.SUBMITTING,
            JobState.IN_QUEUE,
            JobState.GENERATING,
            JobState.DOWNLOADING,
            JobState.DONE);

    private String id;
    private String mode = "t2v_720p";
    private String prompt = "a red fox running through snow";
    private Integer duration = 5;
    private Long seed;
    private List<String> images = List.of();
    private JobState state = JobState.QUEUED;
    private Instant createdAt = NOW.minusSeconds(60);
    private final Map<JobState, Instant> times = new EnumMap<>(JobState.class);
    private String taskId;
    private String requestId;
    private Path output;
    private long downloaded;
    private long total = -1;
    private String sha;
    private Instant urlExpires;
    private String errorCode;
    private String errorMessage;
    private StopReason reason;
    private Double cost;

    private Jobs(String id) {
        this.id = id;
    }

    static Jobs job(String id) {
        return new Jobs(id);
    }

    Jobs mode(String m) {
        mode = m;
        return this;
    }

    Jobs prompt(String p) {
        prompt = p;
        return this;
    }

    Jobs seed(long s) {
        seed = s;
        return this;
    }

    Jobs images(String... i) {
        images = List.of(i);
        return this;
    }

    Jobs created(Duration ago) {
        createdAt = NOW.minus(ago);
        return this;
    }

    /**
     * Moves the job through the usual states up to {@code s}, {@code step} apart, starting at
     * creation. FAILED fails while generating (no video), EXPIRED while queued on the server.
     */
    Jobs state(JobState s, Duration step) {
        List<JobState> path =
                switch (s) {
                    case FAILED ->
                        List.of(JobState.QUEUED, JobState.SUBMITTING, JobState.IN_QUEUE, JobState.GENERATING, s);
                    case EXPIRED -> List.of(JobState.QUEUED, JobState.SUBMITTING, JobState.IN_QUEUE, s);
                    case SUBMIT_UNKNOWN -> List.of(JobState.QUEUED, JobState.SUBMITTING, s);
                    default -> HAPPY_PATH.subList(0, HAPPY_PATH.indexOf(s) + 1);
                };
        state = s;
        times.clear();
        Instant t = createdAt;
        for (JobState each : path) {
            times.put(each, t);
            t = t.plus(step);
        }
        if (taskId == null && times.containsKey(JobState.IN_QUEUE)) {
            taskId = "7392616336519610409";
            requestId = "20250101115900A1B2C3";
        }
        return this;
    }

    /** A job that stops at {@code s} with exact state times (for failures at a given step). */
    Jobs times(Map<JobState, Instant> exact) {
        times.clear();
        times.putAll(exact);
        return this;
    }

    /** Marks the job failed without touching its state times. */
    Jobs failed() {
        state = JobState.FAILED;
        return this;
    }

    Jobs task(String t) {
        taskId = t;
        return this;
    }

    Jobs output(String path) {
        output = Path.of(path);
        return this;
    }

    Jobs bytes(long done, long all) {
        downloaded = done;
        total = all;
        return this;
    }

    Jobs sha(String s) {
        sha = s;
        return this;
    }

    Jobs urlExpires(Instant at) {
        urlExpires = at;
        return this;
    }

    Jobs reason(StopReason r) {
        reason = r;
        return this;
    }

    Jobs cost(double cny) {
        cost = cny;
        return this;
    }

    Jobs error(String code, String message) {
        errorCode = code;
        errorMessage = message;
        return this;
    }

    JobSnapshot build() {
        GenerationRequest request = new GenerationRequest(mode, prompt, duration, 24, "16:9", images, seed, null, null);
        return new JobSnapshot(
                id,
                request,
                state,
                taskId,
                requestId,
                createdAt,
                times,
                output,
                downloaded,
                total,
                sha,
                urlExpires,
                errorCode,
                errorMessage,
                reason != null || !state.terminal() || state == JobState.DONE ? reason : StopReason.TASK_FAILED,
                cost,
                null);
    }
}
