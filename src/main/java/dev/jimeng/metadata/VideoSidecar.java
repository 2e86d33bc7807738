package dev.jimeng.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.text.SecretText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sidecar of a video, {@code NAME.mp4.json} next to {@code NAME.mp4}: the request exactly as
 * journaled (so {@code rerun} sends the same body), the prompt template and variables that made it, the seed, req_key, task and request ids, the
 * estimated cost, the times, the images by name and SHA-256, and the jimeng version. No secret:
 * image URLs lose their signature parameters, and the video URL is not kept at all.
 */
public final class VideoSidecar {
    /** The format's version, in the document as {@code jimeng_sidecar}. */
    static final int FORMAT = 1;

    static final String SUFFIX = ".json";

    private VideoSidecar() {}

    /** Where the sidecar of {@code video} lives. */
    public static Path pathFor(Path video) {
        return video.resolveSibling(video.getFileName() + SUFFIX);
    }

    /** The sidecar document of a done job of {@code profile}. */
    static ObjectNode document(JobRecord job, boolean sandbox, String profile, String version) {
        GenerationRequest r = job.request();
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("jimeng_sidecar", FORMAT);
        d.put("jimeng_version", version);
        d.put("sandbox", sandbox);
        d.put("profile", profile); // the keys and account it was made with: a remake line names it
        d.put("job_id", job.id());
        d.put("prompt", r.prompt());
        d.put("mode", job.mode());
        d.put("req_key", job.reqKey());
        d.put("seed", job.seed());
        d.put("duration_seconds", r.durationSeconds());
        d.put("fps", r.fps());
        d.put("aspect_ratio", r.aspectRatio());
        ArrayNode images = d.putArray("images");
        for (int i = 0; i < r.images().size(); i++) {
            images.add(image(i == 0 ? "first_frame" : "last_frame", r.images().get(i)));
        }
        d.put("template", r.template());
        d.put("camera_strength", r.cameraStrength());
        if (r.promptTemplate() != null) { // which saved prompt template (and values) made the prompt
            ObjectNode use = d.putObject("prompt_template");
            use.put("name", r.promptTemplate().name());
            use.set("variables", Json.MAPPER.valueToTree(r.promptTemplate().variables()));
        }
        d.put("task_id", job.taskId());
        d.put("request_id", job.requestId());
        d.put(
                "estimated_cost_cny",
                job.estimatedCost() == null
                        ? null
                        : java.math.BigDecimal.valueOf(job.estimatedCost())
                                .setScale(2, java.math.RoundingMode.HALF_UP));
        ObjectNode video = d.putObject("video");
        video.put(
                "file",
                job.outputPath() == null ? null : job.outputPath().getFileName().toString());
        video.put("bytes", job.bytes());
        video.put("sha256", job.sha256());
        ObjectNode times = d.putObject("times");
        times.put("created", text(job.createdAt()));
        times.put("submitted", text(job.submittedAt()));
        times.put("done", text(job.stateTimes().get(JobState.DONE)));
        d.set("request", Json.MAPPER.valueToTree(r));
        return d;
    }

    /** Writes the sidecar of a done job next to its video, whole or not at all; returns its path. */
    public static Path write(JobRecord job, boolean sandbox, String profile, String version) throws IOException {
        Path target = pathFor(job.outputPath());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(part, Json.printer().writeValueAsString(document(job, sandbox, profile, version)) + "\n");
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * The metadata of {@code file}: the file itself when it is a sidecar; else the sidecar next to
     * the video, which wins over a copy inside the MP4 (with a note when the two disagree on the
     * request); else the copy inside the MP4.
     *
     * @throws IllegalArgumentException naming what is missing or wrong, and the fix
     */
    public static Sidecar read(Path file) throws IOException {
        boolean isSidecar = file.getFileName().toString().endsWith(SUFFIX);
        Path sidecar = isSidecar ? file : pathFor(file);
        Optional<String> inside = isSidecar ? Optional.empty() : EmbeddedMetadata.read(file);
        if (!Files.isRegularFile(sidecar)) {
            if (inside.isPresent()) {
                return parse(inside.get(), file, file.getFileName() + " (inside the MP4)", true);
            }
            throw new IllegalArgumentException("no jimeng sidecar " + sidecar.getFileName() + " next to "
                    + file.getFileName() + ", nor jimeng metadata inside it: only videos jimeng downloaded have"
                    + " them");
        }
        Sidecar read = parse(
                Files.readString(sidecar, StandardCharsets.UTF_8),
                sidecar,
                sidecar.getFileName().toString(),
                false);
        if (inside.isEmpty()) {
            return read;
        }
        GenerationRequest embedded;
        try {
            embedded = parse(inside.get(), file, "", true).request();
        } catch (IllegalArgumentException e) {
            embedded = null;
        }
        if (read.request().equals(embedded)) {
            return read;
        }
        String note = "the metadata inside " + file.getFileName() + " does not match its sidecar "
                + sidecar.getFileName() + "; showing the sidecar";
        return new Sidecar(read.file(), read.document(), read.request(), read.sandbox(), false, note);
    }

    /** A metadata document read from {@code source}, called {@code name} in messages. */
    private static Sidecar parse(String text, Path source, String name, boolean embedded) throws IOException {
        JsonNode d;
        try {
            d = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(name + " is not JSON");
        }
        if (d == null
                || d.path("jimeng_sidecar").asInt() != FORMAT
                || !d.path("request").isObject()) {
            throw new IllegalArgumentException(name + " is not a jimeng sidecar of format " + FORMAT);
        }
        GenerationRequest request;
        try {
            request = Json.MAPPER.treeToValue(d.get("request"), GenerationRequest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(name + " holds a request jimeng cannot read");
        }
        return new Sidecar(source, d, request, d.path("sandbox").asBoolean(), embedded, null);
    }

    private static ObjectNode image(String role, String source) {
        ObjectNode image = Json.MAPPER.createObjectNode();
        image.put("role", role);
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        image.put("source", url ? SecretText.url(source) : source);
        if (!url) {
            Path file = Path.of(source);
            image.put("name", file.getFileName().toString());
            image.put("sha256", sha256(file));
        }
        return image;
    }

    /** The file's SHA-256 now, or null when it is gone. */
    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
