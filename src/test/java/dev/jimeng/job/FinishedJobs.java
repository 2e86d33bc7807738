package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Waiting for jobs of an in-process engine, and checking what the journal says against the files. */
final class FinishedJobs {
    private FinishedJobs() {}

    /** Final snapshots of {@code ids}, in order; fails if they have not all ended within {@code seconds}. */
    static List<JobSnapshot> await(JobManager jobs, Collection<String> ids, int seconds) throws Exception {
        List<CompletableFuture<JobSnapshot>> endings =
                ids.stream().map(jobs::whenTerminal).toList();
        CompletableFuture.allOf(endings.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
        return endings.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Every job is done, each with its own task, and the journal's size and SHA-256 are those of an
     * MP4 file on disk; the video folder holds exactly these files (nothing half-written left).
     */
    static void assertAllDoneAndIntact(JobStore store, List<JobSnapshot> ends, Path videos) throws IOException {
        assertThat(ends)
                .as(
                        "jobs that did not end done: %s",
                        ends.stream().filter(s -> s.state() != JobState.DONE).toList())
                .allMatch(s -> s.state() == JobState.DONE);
        Set<String> tasks = ends.stream().map(JobSnapshot::taskId).collect(Collectors.toSet());
        assertThat(tasks).as("distinct task ids").hasSize(ends.size());
        for (JobSnapshot end : ends) {
            JobRecord job = store.get(end.id()).orElseThrow();
            Path file = job.outputPath();
            assertThat(job.state()).isEqualTo(JobState.DONE);
            assertThat(file).isRegularFile();
            assertThat(job.bytes()).as("journaled size of %s", file).isEqualTo(Files.size(file));
            assertThat(job.sha256()).as("journaled SHA-256 of %s", file).isEqualTo(FileHash.sha256(file));
            assertThat(isMp4(file)).as("%s starts with an ftyp box", file).isTrue();
        }
        try (Stream<Path> files = Files.list(videos)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .as("the video folder holds the videos and nothing else")
                    .containsExactlyElementsOf(ends.stream()
                            .map(s -> s.outputPath().getFileName().toString())
                            .sorted()
                            .toList());
        }
    }

    private static boolean isMp4(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && Arrays.equals(Arrays.copyOfRange(head, 4, 8), "ftyp".getBytes());
        }
    }
}
