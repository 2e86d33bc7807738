package dev.jimeng.store;

import dev.jimeng.request.GenerationRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One row of the journal as read back.
 *
 * @param reqKey the API req_key the task was submitted with (needed to poll it); null before submit
 * @param seed the seed sent (or asked for); null when not yet known
 * @param stateTimes when the job last entered each state it has been in
 * @param stopReason why the job stopped short of done, or null
 * @param bytes size of the verified output file, -1 when none
 * @param retryOf id of the job this one re-submits, or null
 * @param estimatedCost the estimated price in CNY when it was queued (the spend ledger), or null
 */
public record JobRecord(
        String id,
        GenerationRequest request,
        String mode,
        String prompt,
        Long seed,
        String reqKey,
        JobState state,
        String taskId,
        String requestId,
        StopReason stopReason,
        String errorCode,
        String errorMessage,
        Path outputPath,
        long bytes,
        String sha256,
        Instant createdAt,
        Instant updatedAt,
        Map<JobState, Instant> stateTimes,
        int submitAttempts,
        int downloadAttempts,
        String retryOf,
        String leaseOwner,
        Instant leaseExpiresAt,
        Double estimatedCost) {
    public JobRecord {
        stateTimes = Map.copyOf(stateTimes);
    }

    /** When the server accepted the task (its 12-hour life starts here), or null. */
    public Instant submittedAt() {
        if (taskId == null) {
            return null;
        }
        return stateTimes.getOrDefault(JobState.IN_QUEUE, stateTimes.get(JobState.SUBMITTING));
    }
}
