package dev.jimeng.shell;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made job snapshots for formatting tests. */
final class Snapshots {
    static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    private Snapshots() {}

    static JobSnapshot of(String id, JobState state) {
        boolean failed = state == JobState.FAILED;
        return new JobSnapshot(
                id,
                new GenerationRequest("t2v_720p", "a red fox", 5, 24, "16:9", List.of(), -1L, null, null),
                state,
                "7000000000000000001",
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                Map.of(),
                state == JobState.DONE ? Path.of("/videos/fox.mp4") : null,
                0,
                -1,
                null,
                null,
                failed ? "50500" : null,
                failed ? "the server said no" : null,
                failed ? dev.jimeng.store.StopReason.TASK_FAILED : null);
    }
}
