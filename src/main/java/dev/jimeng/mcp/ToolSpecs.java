package dev.jimeng.mcp;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.store.JobState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tools jimeng offers an agent: name, description (saying what costs money) and the JSON schema
 * of their arguments, derived from the capability table so every mode, duration, ratio, template
 * and strength an agent may send is enumerated. Pure data: {@code jimeng schema --json} prints it
 * without starting anything.
 */
public final class ToolSpecs {
    /** A tool as the protocol lists it. */
    public record Spec(String name, String description, Map<String, Object> inputSchema) {}

    /** The longest {@code wait} one call may block, in seconds; agents call it again after that. */
    public static final int WAIT_MAX_SECONDS = 300;

    public static final int WAIT_DEFAULT_SECONDS = 60;

    private static final String FREE = " Free: nothing is sent that costs money.";

    private ToolSpecs() {}

    public static List<Spec> all() {
        return List.of(
                new Spec(
                        "quote",
                        "Dry run: checks a video request (mode, prompt, images, duration, destination) and says what"
                                + " would be sent and its estimated cost in CNY." + FREE,
                        object(requestProperties(), List.of())),
                new Spec(
                        "generate",
                        "COSTS MONEY: submits a video job (billed per second of video once the server accepts it)"
                                + " and returns at once with the job id, the estimated cost and when to check back;"
                                + " then call wait or status. Needs max_cost, or a budget configured for jimeng"
                                + " (max-cost-per-job, daily-budget or monthly-budget). An identical job of the last"
                                + " 24 hours is refused unless allow_duplicate is true (that pays again).",
                        object(generateProperties(), List.of())),
                new Spec(
                        "status",
                        "Where jobs are now: state, time in it, task id, file or error. No job_id: every"
                                + " unfinished job." + FREE,
                        object(Map.of("job_id", jobId()), List.of())),
                new Spec(
                        "wait",
                        "Waits up to timeout_seconds for a job to end and returns its state; when the time runs out"
                                + " it returns the current state (the job carries on: call wait again, never"
                                + " generate)." + FREE,
                        object(
                                Map.of(
                                        "job_id",
                                        jobId(),
                                        "timeout_seconds",
                                        integer(
                                                "how long to wait at most (default " + WAIT_DEFAULT_SECONDS + ")",
                                                1,
                                                WAIT_MAX_SECONDS)),
                                List.of("job_id"))),
                new Spec(
                        "result",
                        "A finished job's result: the Markdown block to show the user (Generated Video, Download"
                                + " Video, Generation Info, Prompt, Duration, Mode, FPS, Save Path), the file path and"
                                + " its size." + FREE,
                        object(Map.of("job_id", jobId()), List.of("job_id"))),
                new Spec(
                        "jobs",
                        "Lists jobs from the journal, newest first (also those of the CLI, the shell and the"
                                + " panel)." + FREE,
                        object(
                                Map.of(
                                        "status",
                                        Map.of(
                                                "type",
                                                "array",
                                                "description",
                                                "only jobs in these states",
                                                "items",
                                                enumOf(
                                                        "string",
                                                        Arrays.stream(JobState.values())
                                                                .map(JobState::label)
                                                                .toList())),
                                        "search",
                                        string("only jobs whose prompt contains this text"),
                                        "limit",
                                        integer("at most this many jobs (default 20)", 1, 500)),
                                List.of())),
                new Spec(
                        "cancel",
                        "Cancels a job not sent yet: free, it is never sent. A task already at the server cannot be"
                                + " stopped (it is billed); forget=true stops tracking it and its video is not saved.",
                        object(
                                Map.of(
                                        "job_id",
                                        jobId(),
                                        "forget",
                                        bool("stop tracking a task already at the server (it stays billed)")),
                                List.of("job_id"))),
                new Spec(
                        "download",
                        "Downloads a finished job's video again with a fresh link. Never billed, never re-submits.",
                        object(
                                Map.of(
                                        "job_id",
                                        jobId(),
                                        "output",
                                        string("a new .mp4 file, or a folder; default: next to the first copy")),
                                List.of("job_id"))),
                new Spec(
                        "spend",
                        "Estimated spend from the journal: today, 7 days, this month and all time, by mode." + FREE,
                        object(Map.of(), List.of())),
                new Spec(
                        "modes",
                        "The generation modes with their inputs, durations, aspect ratios, camera templates and"
                                + " estimated price per second." + FREE,
                        object(Map.of(), List.of())));
    }

    private static Map<String, Object> requestProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "prompt",
                string("what the video shows (up to " + Capabilities.PROMPT_MAX_CHARS + " characters; optional only"
                        + " for ti2v_pro with an image)"));
        p.put(
                "mode",
                enumOf(
                        "string",
                        Capabilities.modeNames(),
                        "generation mode (default " + Capabilities.DEFAULT_MODE + "): "
                                + Capabilities.modes().stream()
                                        .map(m -> m.name() + " = " + m.summary())
                                        .collect(Collectors.joining("; "))));
        p.put(
                "duration",
                enumOf(
                        "integer",
                        Capabilities.modes().stream()
                                .flatMap(m -> m.framesBySeconds().keySet().stream())
                                .distinct()
                                .sorted()
                                .toList(),
                        "video length in seconds (default " + Capabilities.DEFAULT_DURATION + ")"));
        p.put(
                "aspect_ratio",
                enumOf(
                        "string",
                        Capabilities.ASPECT_RATIOS,
                        "text-to-video only (default " + Capabilities.DEFAULT_ASPECT_RATIO + ")"));
        p.put(
                "fps",
                enumOf(
                        "integer",
                        Capabilities.modes().stream()
                                .flatMap(m -> m.fps().stream())
                                .distinct()
                                .sorted()
                                .toList(),
                        "frames per second (the API renders " + Capabilities.DEFAULT_FPS + ")"));
        p.put("image", string("first frame: an http(s) URL or a local JPEG/PNG path"));
        p.put("tail_image", string("last frame, for the first & last frame modes: a URL or a local path"));
        p.put(
                "seed",
                Map.of(
                        "type",
                        "integer",
                        "minimum",
                        Capabilities.RANDOM_SEED,
                        "maximum",
                        Capabilities.SEED_MAX,
                        "description",
                        "seed for reproducibility: " + Capabilities.SEED_RANGE));
        p.put(
                "template",
                enumOf(
                        "string",
                        Capabilities.CAMERA_TEMPLATES,
                        "camera movement, for "
                                + Capabilities.modes().stream()
                                        .filter(ModeSpec::camera)
                                        .map(ModeSpec::name)
                                        .collect(Collectors.joining(", "))));
        p.put("camera_strength", enumOf("string", Capabilities.CAMERA_STRENGTHS, "camera movement strength"));
        p.put("output", string("where to save: a new .mp4 file or a folder (default: the output directory)"));
        return p;
    }

    private static Map<String, Object> generateProperties() {
        Map<String, Object> p = new LinkedHashMap<>(requestProperties());
        p.put(
                "max_cost",
                Map.of(
                        "type",
                        "number",
                        "minimum",
                        0,
                        "description",
                        "refuse (send nothing) if the estimated cost in CNY is above this"));
        p.put(
                "allow_duplicate",
                bool("send even if an identical job of the last 24 hours exists (pays for the same video again)"));
        return p;
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> jobId() {
        return string("jimeng's job id, or a unique prefix of it");
    }

    private static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    private static Map<String, Object> integer(String description, int min, int max) {
        return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
    }

    private static Map<String, Object> enumOf(String type, List<?> values) {
        return Map.of("type", type, "enum", values);
    }

    private static Map<String, Object> enumOf(String type, List<?> values, String description) {
        return Map.of("type", type, "enum", values, "description", description);
    }
}
