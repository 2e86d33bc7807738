package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jimeng generate} end to end for all eight modes: the real entry point against a sandbox
 * on 127.0.0.1, the exact submit body the sandbox received, what was printed, and the downloaded
 * file as ffprobe sees it.
 */
class CliGenerateModesTest {
    private static final String CHINESE_PROMPT = "一只橘猫在雪地里追蝴蝶，电影感，慢镜头";
    private static final String FIRST_URL = "https://example.com/frames/first.png";
    private static final String TAIL_URL = "https://example.com/frames/tail.jpg";

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void t2v720pMakesATenSecondPortraitVideoFromAChinesePromptWithJsonOutput() throws Exception {
        CliRun run = sandbox.jimeng()
                .run(
                        "generate",
                        CHINESE_PROMPT,
                        "-m",
                        "t2v_720p",
                        "-d",
                        "10",
                        "-a",
                        "9:16",
                        "--seed",
                        "12345",
                        "-o",
                        "clip.mp4",
                        "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_t2v_v30");
        assertThat(body.path("prompt").asText()).isEqualTo(CHINESE_PROMPT);
        assertThat(body.path("frames").asInt()).isEqualTo(241);
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("seed").asLong()).isEqualTo(12345);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("req_key", "prompt", "frames", "aspect_ratio", "seed");

        JsonNode json = Json.MAPPER.readTree(run.stdout());
        Path saved = sandbox.cwd().resolve("clip.mp4");
        assertThat(json.path("status").asText()).isEqualTo("done");
        assertThat(json.path("prompt").asText()).isEqualTo(CHINESE_PROMPT);
        assertThat(json.path("mode").asText()).isEqualTo("t2v_720p");
        assertThat(json.path("duration").asInt()).isEqualTo(10);
        assertThat(json.path("fps").asInt()).isEqualTo(24);
        assertThat(json.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(json.path("seed").asLong()).isEqualTo(12345);
        assertThat(json.path("save_path").asText()).isEqualTo(saved.toString());
        assertThat(json.path("task_id").asText()).isNotBlank();
        assertThat(json.path("error").isNull()).isTrue();
        assertThat(json.path("bytes").asLong()).isEqualTo(Files.size(saved));
        assertVideo(saved, "t2v_720p", "9:16", 10);
    }

    @Test
    void t2v1080pMakesAWideVideoIntoTheDefaultFolderAndPrintsTheMarkdownBlock() throws Exception {
        CliRun run = sandbox.jimeng()
                .run("generate", "a lighthouse at dusk", "--mode", "t2v_1080p", "--aspect-ratio", "21:9");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_t2v_v30_1080p");
        assertThat(body.path("prompt").asText()).isEqualTo("a lighthouse at dusk");
        assertThat(body.path("frames").asInt()).isEqualTo(121);
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("21:9");
        assertThat(body.path("seed").asLong()).isEqualTo(-1);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("req_key", "prompt", "frames", "aspect_ratio", "seed");

        Path saved = savePathOf(run, "a lighthouse at dusk", "t2v_1080p", 5);
        assertThat(saved.getParent()).isEqualTo(sandbox.cwd().resolve("generated_videos"));
        assertThat(saved.getFileName().toString()).endsWith("-a-lighthouse-at-dusk.mp4");
        assertVideo(saved, "t2v_1080p", "21:9", 5);
    }

    @Test
    void ti2vProFromTextAloneTakesAnAspectRatio() throws Exception {
        CliRun run = sandbox.jimeng().run("generate", CHINESE_PROMPT, "-m", "ti2v_pro", "-a", "21:9");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_ti2v_v30_pro");
        assertThat(body.path("prompt").asText()).isEqualTo(CHINESE_PROMPT);
        assertThat(body.path("frames").asInt()).isEqualTo(121);
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("21:9");
        assertThat(body.has("image_urls")).isFalse();
        assertVideo(savePathOf(run, CHINESE_PROMPT, "ti2v_pro", 5), "ti2v_pro", "21:9", 5);
    }

    @Test
    void ti2vProFromAnImageUrlNeedsNoPromptAndSendsNoAspectRatio() throws Exception {
        CliRun run = sandbox.jimeng().run("generate", "-m", "ti2v_pro", "--image", FIRST_URL, "-o", "pro.mp4");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.onlyErrorLine()).startsWith("jimeng: note: ti2v_pro takes the aspect ratio from the image");
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_ti2v_v30_pro");
        assertThat(strings(body.path("image_urls"))).containsExactly(FIRST_URL);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("req_key", "image_urls", "frames", "seed");
        assertThat(savePathOf(run, "", "ti2v_pro", 5)).isEqualTo(sandbox.cwd().resolve("pro.mp4"));
        assertVideo(sandbox.cwd().resolve("pro.mp4"), "ti2v_pro", null, 5);
    }

    @Test
    void i2vFirst720pUploadsALocalPngAsBase64() throws Exception {
        Path png = Fixtures.png(sandbox.cwd(), "first.png", 1280, 720);

        CliRun run =
                sandbox.jimeng().run("generate", "the cat turns its head", "-m", "i2v_first_720p", "-i", "first.png");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_first_v30");
        assertThat(body.path("prompt").asText()).isEqualTo("the cat turns its head");
        assertThat(strings(body.path("binary_data_base64"))).containsExactly(base64Placeholder(png));
        assertThat(fieldNames(body))
                .containsExactlyInAnyOrder("req_key", "prompt", "binary_data_base64", "frames", "seed");
        assertVideo(savePathOf(run, "the cat turns its head", "i2v_first_720p", 5), "i2v_first_720p", null, 5);
    }

    @Test
    void i2vFirst1080pSendsAnImageUrl() throws Exception {
        CliRun run = sandbox.jimeng()
                .run("generate", "waves roll in", "-m", "i2v_first_1080p", "-i", FIRST_URL, "--seed", "7");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_first_v30_1080");
        assertThat(strings(body.path("image_urls"))).containsExactly(FIRST_URL);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.has("aspect_ratio")).isFalse();
        assertThat(body.has("binary_data_base64")).isFalse();
        assertVideo(savePathOf(run, "waves roll in", "i2v_first_1080p", 5), "i2v_first_1080p", null, 5);
    }

    @Test
    void i2vFirstTail720pUploadsTwoLocalJpegsOfTheSameShape() throws Exception {
        Path first = Fixtures.jpeg(sandbox.cwd(), "a.jpg", 1024, 576);
        Path tail = Fixtures.jpeg(sandbox.cwd(), "b.jpeg", 1280, 720);

        CliRun run = sandbox.jimeng()
                .run(
                        "generate",
                        "day turns to night",
                        "-m",
                        "i2v_first_tail_720p",
                        "-i",
                        first.toString(),
                        "--tail-image",
                        "b.jpeg");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_first_tail_v30");
        assertThat(strings(body.path("binary_data_base64")))
                .containsExactly(base64Placeholder(first), base64Placeholder(tail));
        assertThat(body.has("image_urls")).isFalse();
        assertThat(body.has("aspect_ratio")).isFalse();
        assertVideo(savePathOf(run, "day turns to night", "i2v_first_tail_720p", 5), "i2v_first_tail_720p", null, 5);
    }

    @Test
    void i2vFirstTail1080pSendsBothUrlsInOrder() throws Exception {
        CliRun run = sandbox.jimeng()
                .run(
                        "generate",
                        "the bud opens",
                        "-m",
                        "i2v_first_tail_1080p",
                        "-i",
                        FIRST_URL,
                        "--tail-image",
                        TAIL_URL);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_first_tail_v30_1080");
        assertThat(strings(body.path("image_urls"))).containsExactly(FIRST_URL, TAIL_URL);
        assertThat(body.path("frames").asInt()).isEqualTo(121);
        assertVideo(savePathOf(run, "the bud opens", "i2v_first_tail_1080p", 5), "i2v_first_tail_1080p", null, 5);
    }

    @Test
    void i2vRecamera720pSendsTheCameraTemplateAndStrength() throws Exception {
        Path jpeg = Fixtures.jpeg(sandbox.cwd(), "room.jpg", 960, 720);

        CliRun run = sandbox.jimeng()
                .run(
                        "generate",
                        "orbit the sofa",
                        "-m",
                        "i2v_recamera_720p",
                        "-i",
                        "room.jpg",
                        "--template",
                        "dynamic_orbit",
                        "--camera-strength",
                        "strong",
                        "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        JsonNode body = onlyNewSubmit();
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_recamera_v30");
        assertThat(body.path("template_id").asText()).isEqualTo("dynamic_orbit");
        assertThat(body.path("camera_strength").asText()).isEqualTo("strong");
        assertThat(strings(body.path("binary_data_base64"))).containsExactly(base64Placeholder(jpeg));
        assertThat(body.has("aspect_ratio")).isFalse();
        JsonNode json = Json.MAPPER.readTree(run.stdout());
        assertThat(json.path("template").asText()).isEqualTo("dynamic_orbit");
        assertThat(json.path("camera_strength").asText()).isEqualTo("strong");
        assertThat(json.path("images").get(0).asText()).isEqualTo(jpeg.toString());
        assertVideo(Path.of(json.path("save_path").asText()), "i2v_recamera_720p", null, 5);
    }

    // ---- helpers ----

    /** The body of the one submit this test made. */
    private JsonNode onlyNewSubmit() {
        assertThat(sandbox.server().submitCount())
                .as("submits sent by this test")
                .isEqualTo(sandbox.submitsBefore() + 1);
        List<JsonNode> bodies = CliSandbox.submitBodies(sandbox.server());
        return bodies.getLast();
    }

    /** Checks the Markdown block's fields and returns its Save Path. */
    private static Path savePathOf(CliRun run, String prompt, String mode, int seconds) {
        String out = run.stdout();
        assertThat(out).startsWith("**Generated Video:**");
        assertThat(out).contains("\n- Prompt: " + prompt + "\n");
        assertThat(out).contains("\n- Duration: " + seconds + " seconds\n");
        assertThat(out).contains("\n- Mode: " + mode + "\n");
        assertThat(out).contains("\n- FPS: 24\n");
        String line = out.lines()
                .filter(l -> l.startsWith("- Save Path: "))
                .findFirst()
                .orElseThrow();
        Path saved = Path.of(line.substring("- Save Path: ".length()));
        assertThat(saved).isAbsolute().isRegularFile();
        assertThat(out).contains("[Download Video](" + saved.toUri() + ")");
        return saved;
    }

    /** ffprobe: H.264 at 24 fps, the mode's size for the ratio, and 121 or 241 frames long. */
    private static void assertVideo(Path file, String mode, String ratio, int seconds) throws Exception {
        ModeSpec spec = Capabilities.mode(mode).orElseThrow();
        int[] size = Capabilities.outputSize(spec, ratio);
        JsonNode probe = Fixtures.ffprobe(file);
        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_name").asText()).isEqualTo("h264");
        assertThat(stream.path("width").asInt()).isEqualTo(size[0]);
        assertThat(stream.path("height").asInt()).isEqualTo(size[1]);
        assertThat(stream.path("r_frame_rate").asText()).isEqualTo("24/1");
        double frames = spec.framesBySeconds().get(seconds);
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(frames / 24, within(0.02));
    }

    private static String base64Placeholder(Path image) throws Exception {
        return "<"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(image)).length() + " base64 chars>";
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
