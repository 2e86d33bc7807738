package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox rejects what the real API rejects, with its code (50400 "Invalid Parameter", HTTP
 * 400), for every mode of the capability table: a valid body is accepted, and each variation the
 * API reference rules out is refused. The body is checked before the request counts against the
 * concurrency limit.
 */
class SandboxSubmitRulesTest {
    private static final int INVALID = BusinessError.INVALID_PARAMETER;

    @RegisterExtension
    final ManualClockSandbox sandbox = ManualClockSandbox.startedByEachTest();

    private void start(int concurrency) throws Exception {
        sandbox.start(config -> config.concurrencyLimit(concurrency).prepareVideosOnSubmit(false));
    }

    @Test
    void everyModeAcceptsAValidBodyAndRejectsEachInvalidVariationWith50400() throws Exception {
        start(10_000);
        List<String> failures = new ArrayList<>();
        for (ModeSpec mode : Capabilities.modes()) {
            for (int frames : mode.framesBySeconds().values()) {
                expect(failures, mode, "valid, frames " + frames, b -> b.put("frames", frames), 10000);
            }
            for (long seed : new long[] {-1, 0, 42, Integer.MAX_VALUE}) {
                expect(failures, mode, "seed " + seed, b -> b.put("seed", seed), 10000);
            }
            for (long seed : new long[] {-2, -42, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE}) {
                expect(failures, mode, "seed " + seed, b -> b.put("seed", seed), INVALID);
            }
            expect(failures, mode, "seed 1.5", b -> b.put("seed", 1.5), INVALID);
            expect(failures, mode, "seed \"7\"", b -> b.put("seed", "7"), INVALID);
            expect(
                    failures,
                    mode,
                    "seed 2^64",
                    b -> b.put("seed", new java.math.BigInteger("18446744073709551616")),
                    INVALID);
            for (int fps : Capabilities.SEED_FPS) {
                expect(failures, mode, "fps " + fps, b -> b.put("fps", fps), INVALID);
            }
            expect(failures, mode, "fps null", b -> b.putNull("fps"), INVALID);
            expect(failures, mode, "frames 97", b -> b.put("frames", 97), INVALID);
            expect(failures, mode, "frames 120", b -> b.put("frames", 120), INVALID);
            if (mode.aspectRatios().isEmpty()) {
                // an image mode: the image sets the ratio, and the API refuses the field
                for (String ratio : Capabilities.ASPECT_RATIOS) {
                    expect(failures, mode, "aspect_ratio " + ratio, b -> b.put("aspect_ratio", ratio), INVALID);
                }
            } else {
                for (String ratio : mode.aspectRatios()) {
                    expect(failures, mode, "aspect_ratio " + ratio, b -> b.put("aspect_ratio", ratio), 10000);
                }
                expect(failures, mode, "aspect_ratio 2:1", b -> b.put("aspect_ratio", "2:1"), INVALID);
            }
            if (mode.maxImages() > 0) {
                int tooMany = mode.maxImages() + 1;
                expect(failures, mode, tooMany + " images", b -> images(b, tooMany), INVALID);
            }
            if (mode.minImages() > 0) {
                expect(failures, mode, "no image", b -> b.remove("image_urls"), INVALID);
            }
            if (mode.requiresPrompt(mode.minImages())) {
                expect(failures, mode, "no prompt", b -> b.remove("prompt"), INVALID);
            }
            expect(failures, mode, "prompt of 801 characters", b -> b.put("prompt", "x".repeat(801)), INVALID);
            if (mode.camera()) {
                expect(failures, mode, "no template_id", b -> b.remove("template_id"), INVALID);
                expect(failures, mode, "camera_strength max", b -> b.put("camera_strength", "max"), INVALID);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aProModeWithAnImageIgnoresTheAspectRatioAsTheServerPicksTheNearest() throws Exception {
        start(100);
        ObjectNode body = validBody(Capabilities.mode("ti2v_pro").orElseThrow());
        images(body, 1);
        body.put("aspect_ratio", "21:9");

        assertThat(sandbox.client().submit(body.toString()).code()).isEqualTo(10000);
    }

    @Test
    void anInvalidBodyIsAnswered50400EvenWhenTheConcurrencyLimitIsReached() throws Exception {
        start(1);
        ModeSpec t2v = Capabilities.mode("t2v_720p").orElseThrow();
        assertThat(sandbox.client().submit(validBody(t2v).toString()).code()).isEqualTo(10000);
        assertThat(sandbox.client().submit(validBody(t2v).toString()).code())
                .as("the one slot is taken")
                .isEqualTo(BusinessError.CONCURRENCY_LIMIT);

        SandboxClient.Response fps =
                sandbox.client().submit(validBody(t2v).put("fps", 24).toString());
        SandboxClient.Response seed =
                sandbox.client().submit(validBody(t2v).put("seed", -2).toString());

        for (SandboxClient.Response r : List.of(fps, seed)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(INVALID);
            assertThat(r.json().path("message").asText()).startsWith("Invalid Parameter: ");
            assertThat(r.json().path("data").isNull()).isTrue();
        }
        assertThat(fps.json().path("message").asText()).contains("fps");
        assertThat(seed.json().path("message").asText()).contains("seed");
    }

    private void expect(List<String> failures, ModeSpec mode, String what, Consumer<ObjectNode> change, int code) {
        ObjectNode body = validBody(mode);
        change.accept(body);
        SandboxClient.Response r = sandbox.client().submit(body.toString());
        int wantedStatus = code == 10000 ? 200 : 400;
        if (r.code() != code || r.status() != wantedStatus) {
            failures.add(mode.name() + " " + what + ": wanted " + code + " (HTTP " + wantedStatus + "), got " + r.code()
                    + " (HTTP " + r.status() + ") " + r.json().path("message").asText());
        }
    }

    /** The smallest body the API reference accepts for this mode. */
    static ObjectNode validBody(ModeSpec mode) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("req_key", mode.reqKey());
        body.put("prompt", "a red fox in the snow");
        body.put("seed", -1);
        body.put("frames", mode.framesBySeconds().values().iterator().next());
        if (mode.takesAspectRatio(mode.minImages())) {
            body.put("aspect_ratio", Capabilities.DEFAULT_ASPECT_RATIO);
        }
        if (mode.minImages() > 0) {
            images(body, mode.minImages());
        }
        if (mode.camera()) {
            body.put("template_id", Capabilities.CAMERA_TEMPLATES.getFirst());
            body.put("camera_strength", Capabilities.CAMERA_STRENGTHS.getFirst());
        }
        return body;
    }

    private static void images(ObjectNode body, int count) {
        var urls = body.putArray("image_urls");
        for (int i = 0; i < count; i++) {
            urls.add("https://example.com/frame-" + i + ".png");
        }
    }
}
