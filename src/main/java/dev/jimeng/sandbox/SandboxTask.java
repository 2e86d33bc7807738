package dev.jimeng.sandbox;

import dev.jimeng.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One accepted submit. Its state is not stored: it follows from the time since submit, so a test
 * moves a task forward by moving the clock.
 */
record SandboxTask(String taskId, String reqKey, Instant submittedAt, VideoSpec video, boolean failsOutputReview) {

    TaskStatus statusAt(Instant now, Duration queue, Duration generate, Duration lifetime) {
        Duration age = Duration.between(submittedAt, now);
        if (age.compareTo(lifetime) >= 0) {
            return TaskStatus.EXPIRED;
        }
        if (age.compareTo(queue) < 0) {
            return TaskStatus.IN_QUEUE;
        }
        if (age.compareTo(queue.plus(generate)) < 0) {
            return TaskStatus.GENERATING;
        }
        return TaskStatus.DONE;
    }
}
