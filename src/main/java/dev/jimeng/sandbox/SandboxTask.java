package dev.jimeng.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One accepted submit. Its state is not stored: it follows from the time since submit, so a test
 * moves a task forward by moving the clock.
 */
record SandboxTask(String taskId, String reqKey, Instant submittedAt, VideoSpec video, boolean failsOutputReview) {

    ServedStatus statusAt(Instant now, Duration queue, Duration generate, Duration lifetime) {
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
