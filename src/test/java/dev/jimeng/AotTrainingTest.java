package dev.jimeng;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up cache's training run: every command in it succeeds, and it takes real jobs to the end. */
class AotTrainingTest {
    @Test
    void theTrainingRunsEveryCommandAndTakesTwoJobsToTheirVideos(@TempDir Path home) throws Exception {
        AotTraining.train(home);

        List<JobRecord> jobs;
        try (JobStore store = JobStore.open(home.resolve("sandbox"))) { // --sandbox jobs live apart
            jobs = store.list(JobQuery.newest(10));
        }
        assertThat(jobs).hasSize(2).allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.DONE));
        try (Stream<Path> videos = Files.list(home.resolve("videos"))) {
            assertThat(videos.filter(v -> v.toString().endsWith(".mp4"))).hasSize(2);
        }
    }
}
