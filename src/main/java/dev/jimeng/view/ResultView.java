package dev.jimeng.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import java.time.Instant;
import java.util.Map;

/**
 * The one-shot result of a job: the seed script's Markdown block, or one JSON document. Pure
 * formatting. The API's video URL is signed and dies within the hour, so the Markdown links the
 * saved file instead of exposing the URL's token. Every user or server string in the text forms goes
 * through {@link TerminalText}, so it shows its control characters instead of acting on them; the
 * JSON keeps the exact text, escaped by {@link Json#printer()}.
 */
public final class ResultView {
    private ResultView() {}

    /** The seed's block: Generated Video, Download Video, Generation Info and its five fields. */
    public static String markdown(JobSnapshot job) {
        return markdown(job, false);
    }

    /** @param links the Save Path is an OSC 8 link to the file (the text stays the same) */
    public static String markdown(JobSnapshot job, boolean links) {
        GenerationRequest r = job.request();
        String path = job.outputPath() == null
                ? ""
                : job.outputPath().toAbsolutePath().toString();
        String link = job.outputPath() == null
                ? ""
                : job.outputPath().toAbsolutePath().toUri().toString();
        return """
                **Generated Video:**

                [Download Video](%s)

                **Generation Info:**
                - Prompt: %s
                - Duration: %d seconds
                - Mode: %s
                - FPS: %d
                - Save Path: %s
                - Task ID: %s
                """
                .formatted(
                        TerminalText.safe(link),
                        TerminalText.oneLine(r.prompt()),
                        r.durationSeconds(),
                        TerminalText.safe(r.mode()),
                        r.fps(),
                        links && !path.isEmpty()
                                ? dev.jimeng.text.Hyperlinks.file(job.outputPath(), TerminalText.safe(path))
                                : TerminalText.safe(path),
                        TerminalText.safe(job.taskId()));
    }

    /** One JSON document describing the job; README documents its fields. */
    public static String json(JobSnapshot job, Instant now, Invocation at) {
        return print(node(job, now, at));
    }

    /** As above, with the set it was made in: {@code group_id} (null when none) and {@code picked}. */
    public static String json(JobSnapshot job, Instant now, Invocation at, JobGroups groups) {
        ObjectNode root = node(job, now, at);
        root.put("group_id", groups.group(job.id()));
        root.put("picked", groups.picked(job.id()));
        return print(root);
    }

    private static String print(ObjectNode root) {
        try {
            return Json.printer().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode node(JobSnapshot job, Instant now, Invocation at) {
        boolean sandbox = at.sandbox();
        GenerationRequest r = job.request();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("job_id", job.id());
        root.put("task_id", job.taskId());
        root.put("request_id", job.requestId());
        root.put("status", job.state().label());
        root.put("prompt", r.prompt());
        root.put("mode", r.mode());
        root.put("duration", r.durationSeconds());
        root.put("fps", r.fps());
        root.put("aspect_ratio", r.aspectRatio());
        root.put("seed", r.seed());
        root.putPOJO("images", r.images());
        root.put("template", r.template());
        root.put("camera_strength", r.cameraStrength());
        // the saved file only: before that the journal holds where the video will go (its folder)
        root.put(
                "save_path",
                job.outputPath() == null || job.state() != JobState.DONE
                        ? null
                        : job.outputPath().toAbsolutePath().toString());
        if (job.sha256() != null) {
            root.put("bytes", job.bytesDownloaded());
            root.put("sha256", job.sha256());
        }
        root.put(
                "video_url_expires_at",
                job.videoUrlExpiresAt() == null ? null : job.videoUrlExpiresAt().toString());
        root.put("created_at", job.createdAt().toString());
        ObjectNode times = root.putObject("state_times");
        job.stateTimes().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> times.put(e.getKey().label(), e.getValue().toString()));
        if (job.errorCode() != null) {
            ObjectNode error = root.putObject("error");
            error.put("code", job.errorCode());
            error.put("message", job.errorMessage());
        } else {
            root.putNull("error");
        }
        root.put(
                "stop_reason",
                job.stopReason() == null ? null : job.stopReason().label());
        if (sandbox || job.estimatedCostCny() == null) {
            root.putNull("estimated_cost_cny");
        } else {
            root.put("estimated_cost_cny", Math.round(job.estimatedCostCny() * 100) / 100.0);
        }
        root.put("billed", job.billed() && !sandbox);
        var next = root.putArray("next");
        for (NextSteps.Step step : NextSteps.of(job, now)) {
            ObjectNode n = next.addObject();
            n.put("action", step.name().toLowerCase(java.util.Locale.ROOT));
            n.put("command", JobGuide.command(step, job, at));
            n.put("billed", step.billed() && !sandbox);
            n.put("effect", JobGuide.effect(step, job, at));
        }
        return root;
    }

    /**
     * The one stderr line for a job that did not end done: its id, how it ended, the error code,
     * and the message (which says what to do).
     */
    public static String failureLine(JobSnapshot job, Instant now, Invocation at) {
        String code = job.errorCode() == null ? null : TerminalText.oneLine(job.errorCode());
        String message = TerminalText.oneLine(job.errorMessage());
        String what = code == null && message.isEmpty()
                ? "no error was recorded; '" + JobGuide.show(job, at) + "' has the details"
                : dev.jimeng.text.Words.codeAndMessage(code, message);
        String hint = JobGuide.hint(job, now, at);
        return job.id() + " " + job.state().label() + ": " + what + (hint.isEmpty() ? "" : "; " + hint);
    }
}
