package dev.jimeng.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One accepted submit. Its state is not stored: it follows from the time since submit, so a test
 * moves a task forward by moving the clock.
 */
record SandboxTask(
        String taskId,
        String reqKey,
        Instant submittedAt,
        VideoSpec video,
        boolean failsOutputReview,
        Duration generate) {

    /** {@code generate}: how long this task generates, null for the sandbox's configured time. */
    SandboxTask {}

    SandboxTask(String taskId, String reqKey, Instant submittedAt, VideoSpec video, boolean failsOutputReview) {
        this(taskId, reqKey, submittedAt, video, failsOutputReview, null);
    }

    /** When this task is done, its queue and generating time past its submit. */
    Instant doneAt(Duration queue, Duration configuredGenerate) {
        return submittedAt.plus(queue).plus(generate != null ? generate : configuredGenerate);
    }

    ServedStatus statusAt(Instant now, Duration queue, Duration configuredGenerate, Duration lifetime) {
        Duration generate = this.generate != null ? this.generate : configuredGenerate;
        Duration age = Duration.between(submittedAt, now);
        if (age.compareTo(lifetime) >= 0) {
            return ServedStatus.EXPIRED;
        }
        if (age.compareTo(queue) < 0) {
            return ServedStatus.IN_QUEUE;
        }
        if (age.compareTo(queue.plus(generate)) < 0) {
            return ServedStatus.GENERATING;
        }
        return ServedStatus.DONE;
    }
}
