package dev.jimeng.job;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * An immutable picture of one job at one moment, published to the shell, the panel and one-shot
 * output. It never holds the signed video URL (a secret); only when that URL stops working.
 *
 * @param id jimeng's own short job id
 * @param errorCode API or local error code when failed, else null
 * @param errorMessage one line: what happened (the commands to act on it are the view's)
 * @param stopReason why the job stopped short of done (the input of {@link NextSteps}), or null
 * @param estimatedCostCny the estimated price when it was queued (the spend ledger), or null
 * @param stateTimes when the job entered each state it has been in
 * @param bytesTotal -1 when unknown
 * @param waitingFor while another live jimeng process drives the job, who and until when; else null
 */
public record JobSnapshot(
        String id,
        GenerationRequest request,
        JobState state,
        String taskId,
        String requestId,
        Instant createdAt,
        Map<JobState, Instant> stateTimes,
        Path outputPath,
        long bytesDownloaded,
        long bytesTotal,
        String sha256,
        Instant videoUrlExpiresAt,
        String errorCode,
        String errorMessage,
        StopReason stopReason,
        Double estimatedCostCny,
        LeaseWait waitingFor) {
    /** The error code of a note while an accepted task id waits for a journal that cannot be written. */
    public static final String JOURNAL_RETRY = "journal-retry";

    public JobSnapshot {
        stateTimes = Map.copyOf(stateTimes);
    }

    /**
     * This process waits for another jimeng process that holds the job's lease.
     *
     * @param pid that process's id (-1 when its owner id does not say)
     * @param until when its lease runs out unless renewed; it is taken over at once if the process exits
     */
    public record LeaseWait(long pid, Instant until) {}

    /** A snapshot of a job nobody else holds, whose estimated cost is not known. */
    public JobSnapshot(
            String id,
            GenerationRequest request,
            JobState state,
            String taskId,
            String requestId,
            Instant createdAt,
            Map<JobState, Instant> stateTimes,
            Path outputPath,
            long bytesDownloaded,
            long bytesTotal,
            String sha256,
            Instant videoUrlExpiresAt,
            String errorCode,
            String errorMessage,
            StopReason stopReason) {
        this(
                id,
                request,
                state,
                taskId,
                requestId,
                createdAt,
                stateTimes,
                outputPath,
                bytesDownloaded,
                bytesTotal,
                sha256,
                videoUrlExpiresAt,
                errorCode,
                errorMessage,
                stopReason,
                null,
                null);
    }

    /** True once the server accepted the task: it is billed (outside the sandbox). */
    public boolean billed() {
        return taskId != null;
    }

    /** When the server accepted the task (its 12-hour life starts then), or null before that. */
    public Instant submittedAt() {
        if (taskId == null) {
            return null;
        }
        return stateTimes.getOrDefault(JobState.IN_QUEUE, stateTimes.getOrDefault(JobState.SUBMITTING, createdAt));
    }

    /** This snapshot with another output path. */
    public JobSnapshot withOutputPath(Path output) {
        return new JobSnapshot(
                id,
                request,
                state,
                taskId,
                requestId,
                createdAt,
                stateTimes,
                output,
                bytesDownloaded,
                bytesTotal,
                sha256,
                videoUrlExpiresAt,
                errorCode,
                errorMessage,
                stopReason,
                estimatedCostCny,
                waitingFor);
    }

    /**
     * This job as the server has just accepted it, told before (and whatever becomes of) the journal
     * write that records the task id: still {@code submitting}, with the task id.
     */
    JobSnapshot accepted(String acceptedTaskId, String acceptedRequestId) {
        return new JobSnapshot(
                id,
                request,
                state,
                acceptedTaskId,
                acceptedRequestId,
                createdAt,
                stateTimes,
                outputPath,
                bytesDownloaded,
                bytesTotal,
                sha256,
                videoUrlExpiresAt,
                errorCode,
                errorMessage,
                stopReason,
                estimatedCostCny,
                waitingFor);
    }

    /** This snapshot in {@code newState} with an error (a note when {@code reason} is null). */
    JobSnapshot with(JobState newState, StopReason reason, String code, String message) {
        return new JobSnapshot(
                id,
                request,
                newState,
                taskId,
                requestId,
                createdAt,
                stateTimes,
                outputPath,
                bytesDownloaded,
                bytesTotal,
                sha256,
                videoUrlExpiresAt,
                code,
                message,
                reason,
                estimatedCostCny,
                waitingFor);
    }

    /** True when the server has accepted the task but the journal has not recorded it yet. */
    public boolean acceptedNotJournaled() {
        return state == JobState.SUBMITTING && taskId != null;
    }

    /** When the job entered its current state. */
    public Instant stateSince() {
        return stateTimes.getOrDefault(state, createdAt);
    }

    /**
     * The snapshot of a journaled job, with the progress and URL expiry only its run knows (-1: unknown).
     * Without a run's expiry, it is told from the journal: a video URL is received just before the
     * download starts and works for {@link Capabilities#VIDEO_URL_LIFETIME}.
     */
    static JobSnapshot of(JobRecord job, long bytesDownloaded, long bytesTotal, Instant urlExpiresAt) {
        return of(job, bytesDownloaded, bytesTotal, urlExpiresAt, null);
    }

    /** The same, while this process waits for the owner of the job's lease. */
    static JobSnapshot of(
            JobRecord job, long bytesDownloaded, long bytesTotal, Instant urlExpiresAt, LeaseWait waitingFor) {
        if (urlExpiresAt == null && job.stateTimes().containsKey(JobState.DOWNLOADING)) {
            urlExpiresAt = job.stateTimes().get(JobState.DOWNLOADING).plus(Capabilities.VIDEO_URL_LIFETIME);
        }
        long done = job.state() == JobState.DONE ? job.bytes() : bytesDownloaded;
        long total = job.state() == JobState.DONE ? job.bytes() : bytesTotal;
        return new JobSnapshot(
                job.id(),
                job.request(),
                job.state(),
                job.taskId(),
                job.requestId(),
                job.createdAt(),
                job.stateTimes(),
                job.outputPath(),
                done,
                total,
                job.sha256(),
                urlExpiresAt,
                job.errorCode(),
                job.errorMessage(),
                job.stopReason(),
                job.estimatedCost(),
                waitingFor);
    }
}
