package dev.jimeng.mcp;

import dev.jimeng.app.JobService;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.ResultView;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The resources an agent can show its user: every finished video (its file URI, video/mp4, size
 * and what made it) and the journal's recent jobs as one JSON list. A video finished while the
 * server runs, here or in another jimeng, is added as it ends.
 */
final class VideoResources implements AutoCloseable {
    static final String MIME = "video/mp4";
    static final String RECENT_JOBS = "jimeng://jobs/recent";
    private static final int RECENT = 50;

    private final JobService jobs;
    private final Set<String> listed = ConcurrentHashMap.newKeySet();
    // the engine's threads tell of a finished job; the protocol is written from this one thread
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mcp-resources");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable subscription;

    VideoResources(JobService jobs) {
        this.jobs = jobs;
    }

    /** The resources there are now: the recent-jobs list and the videos of recent finished jobs. */
    List<SyncResourceSpecification> initial() {
        List<SyncResourceSpecification> specs = new ArrayList<>();
        specs.add(new SyncResourceSpecification(
                Resource.builder()
                        .uri(RECENT_JOBS)
                        .name("recent jobs")
                        .description("the " + RECENT + " newest jobs of the journal, as JSON (jimeng jobs --json)")
                        .mimeType("application/json")
                        .build(),
                (exchange, request) -> new ReadResourceResult(
                        List.of(new TextResourceContents(RECENT_JOBS, "application/json", recentJobs())))));
        for (JobSnapshot job : jobs.list(new JobQuery(Set.of(JobState.DONE), null, RECENT))) {
            video(job).ifPresent(specs::add);
        }
        return specs;
    }

    /** From now on, adds each video as its job ends (and tells the client the list changed). */
    void follow(McpSyncServer server) {
        subscription = jobs.subscribe(s -> {
            if (s.state() == JobState.DONE) {
                announcer.execute(() -> video(s).ifPresent(server::addResource));
            }
        });
    }

    private java.util.Optional<SyncResourceSpecification> video(JobSnapshot job) {
        Path file = job.outputPath() == null ? null : job.outputPath().toAbsolutePath();
        if (file == null || !Files.isRegularFile(file) || !listed.add(file.toString())) {
            return java.util.Optional.empty();
        }
        String uri = file.toUri().toString();
        var r = job.request();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("job_id", job.id());
        meta.put("task_id", job.taskId());
        meta.put("mode", r.mode());
        meta.put("duration", r.durationSeconds());
        meta.put("fps", r.fps());
        meta.put("prompt", r.prompt());
        meta.put("sha256", job.sha256());
        meta.put("created_at", job.createdAt().toString());
        Resource resource = Resource.builder()
                .uri(uri)
                .name(file.getFileName().toString())
                .title(job.id() + ": " + TerminalText.oneLine(r.prompt()))
                .description(r.mode() + " · " + r.durationSeconds() + " s · " + r.fps() + " fps · job " + job.id())
                .mimeType(MIME)
                .size(size(file))
                .meta(meta)
                .build();
        return java.util.Optional.of(new SyncResourceSpecification(
                resource,
                (exchange, request) -> new ReadResourceResult(List.of(
                        new BlobResourceContents(uri, MIME, Base64.getEncoder().encodeToString(read(file)))))));
    }

    private String recentJobs() {
        StringBuilder json = new StringBuilder("[");
        for (JobSnapshot j : jobs.list(JobQuery.newest(RECENT))) {
            json.append(json.length() > 1 ? "," : "")
                    .append(ResultView.json(j, jobs.clock().instant(), jobs.invocation())
                            .strip());
        }
        return json.append(']').toString();
    }

    private static Long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        announcer.shutdownNow();
    }
}
