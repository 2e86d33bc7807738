package dev.jimeng.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.json.Json;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything but local image files (see {@link RequestValidatorImageTest}). */
class RequestValidatorTest {
    private static final String URL = "https://example.com/a.png";
    private static final String TAIL_URL = "https://example.com/b.png";

    private final RequestValidator validator = new RequestValidator();

    // ---- accepted requests

    @Test
    void fillsInTheDefaultsAndSendsTheReferenceBody() throws Exception {
        ValidatedRequest validated = validator.validate(Req.prompt("a cat").build());

        assertThat(validated.mode().name()).isEqualTo("t2v_720p");
        assertThat(validated.request())
                .isEqualTo(new GenerationRequest("t2v_720p", "a cat", 5, 24, "16:9", List.of(), -1L, null, null));
        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\",\"seed\":-1,\"frames\":121,"
                        + "\"aspect_ratio\":\"16:9\"}");
        assertThat(validated.frames()).isEqualTo(121);
        assertThat(validated.warnings()).isEmpty();
        assertThat(validated.estimatedCostCny()).isCloseTo(1.4, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modeNames")
    void acceptsAMinimalRequestInEveryMode(String modeName) {
        ModeSpec mode = Capabilities.mode(modeName).orElseThrow();

        ValidatedRequest validated = validator.validate(minimal(mode).build());

        SubmitBody body = validated.body();
        assertThat(body.reqKey()).isEqualTo(mode.reqKey());
        assertThat(body.frames()).isEqualTo(121);
        assertThat(body.seed()).isEqualTo(-1L);
        assertThat(body.imageUrls())
                .isEqualTo(mode.minImages() == 0 ? null : List.of(URL, TAIL_URL).subList(0, mode.minImages()));
        assertThat(body.binaryDataBase64()).isNull();
        assertThat(body.aspectRatio()).isEqualTo(mode.takesAspectRatio(mode.minImages()) ? "16:9" : null);
        assertThat(body.templateId() != null).isEqualTo(mode.camera());
        assertThat(validated.request().fps()).isEqualTo(24);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modeNames")
    void tenSecondsAre241FramesAndCostTwiceAsMuch(String modeName) {
        ModeSpec mode = Capabilities.mode(modeName).orElseThrow();

        ValidatedRequest validated =
                validator.validate(minimal(mode).duration(10).build());

        assertThat(validated.body().frames()).isEqualTo(241);
        assertThat(validated.request().durationSeconds()).isEqualTo(10);
        assertThat(validated.estimatedCostCny()).isCloseTo(Capabilities.estimatedCost(mode, 10), within(1e-9));
        assertThat(validated.estimatedCostCny())
                .isCloseTo(2 * Capabilities.estimatedCost(mode, 5), within(1e-9))
                .isPositive();
    }

    @Test
    void sendsAChinesePromptProRequestWithAnImageAsInTheSigningVector() throws Exception {
        ValidatedRequest validated = validator.validate(Req.prompt("千军万马")
                .mode("ti2v_pro")
                .image(URL)
                .duration(10)
                .seed(42)
                .build());

        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_ti2v_v30_pro\",\"prompt\":\"千军万马\","
                        + "\"image_urls\":[\"https://example.com/a.png\"],\"seed\":42,\"frames\":241}");
        assertThat(validated.warnings()).singleElement().asString().contains("takes the aspect ratio from the image");
    }

    @Test
    void proWithoutAnImageIsTextToVideoWithAnAspectRatio() throws Exception {
        ValidatedRequest validated = validator.validate(
                Req.prompt("千军万马").mode("ti2v_pro").aspectRatio("21:9").build());

        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_ti2v_v30_pro\",\"prompt\":\"千军万马\",\"seed\":-1,\"frames\":121,"
                        + "\"aspect_ratio\":\"21:9\"}");
        assertThat(validated.estimatedCostCny()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void proWithAnImageMayLeaveOutThePrompt() throws Exception {
        ValidatedRequest validated =
                validator.validate(Req.prompt("   ").mode("ti2v_pro").image(URL).build());

        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_ti2v_v30_pro\",\"image_urls\":[\"https://example.com/a.png\"],"
                        + "\"seed\":-1,\"frames\":121}");
        assertThat(validated.request().prompt()).isNull();
        assertThat(validated.request().aspectRatio()).isNull();
    }

    @Test
    void sendsANonDefaultAspectRatioOnTextToVideo() throws Exception {
        ValidatedRequest validated = validator.validate(Req.prompt("  tall city at night ")
                .mode("t2v_1080p")
                .aspectRatio("9:16")
                .duration(10)
                .seed(7)
                .build());

        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_t2v_v30_1080p\",\"prompt\":\"tall city at night\",\"seed\":7,"
                        + "\"frames\":241,\"aspect_ratio\":\"9:16\"}");
    }

    @Test
    void sendsTheCameraTemplateAndStrengthForRecamera() throws Exception {
        ValidatedRequest validated = validator.validate(Req.prompt("orbit the statue")
                .mode(" I2V_Recamera_720p ")
                .image(URL)
                .camera(" Dynamic_Orbit", "STRONG")
                .build());

        assertThat(json(validated.body()))
                .isEqualTo("{\"req_key\":\"jimeng_i2v_recamera_v30\",\"prompt\":\"orbit the statue\","
                        + "\"image_urls\":[\"https://example.com/a.png\"],\"seed\":-1,\"frames\":121,"
                        + "\"template_id\":\"dynamic_orbit\",\"camera_strength\":\"strong\"}");
        assertThat(validated.request())
                .isEqualTo(new GenerationRequest(
                        "i2v_recamera_720p",
                        "orbit the statue",
                        5,
                        24,
                        null,
                        List.of(URL),
                        -1L,
                        "dynamic_orbit",
                        "strong"));
    }

    @Test
    void acceptsTwoTailAndFirstUrlsWithoutCheckingTheirRatios() {
        ValidatedRequest validated = validator.validate(Req.prompt("day to night")
                .mode("i2v_first_tail_1080p")
                .image(URL)
                .image(TAIL_URL)
                .build());

        assertThat(validated.body().imageUrls()).containsExactly(URL, TAIL_URL);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 42, Integer.MAX_VALUE})
    void acceptsMinusOneAndEverySeedFromZeroTo2To31Minus1(long seed) {
        assertThat(validator.validate(Req.prompt("a").seed(seed).build()).body().seed())
                .isEqualTo(seed);
    }

    @Test
    void countsPromptLengthInCodePointsSo800EmojiAreAllowedWithAWarning() {
        String prompt = "🐱".repeat(800); // 1600 UTF-16 chars

        ValidatedRequest validated = validator.validate(Req.prompt(prompt).build());

        assertThat(validated.body().prompt()).isEqualTo(prompt);
        assertThat(validated.warnings()).containsExactly("the prompt is 800 characters; up to 400 work best");
    }

    @Test
    void aPromptOfExactly400CharactersGivesNoWarning() {
        assertThat(validator.validate(Req.prompt("x".repeat(400)).build()).warnings())
                .isEmpty();
    }

    // ---- refused requests

    @Test
    void refusesAnUnknownModeAndListsTheValidOnes() {
        assertInvalid(Req.prompt("a").mode("t2v_4k"), "mode")
                .startsWith("unknown mode 't2v_4k'; use --mode with one of: ")
                .contains(Capabilities.modeNames());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 8, 0, -5, 15})
    void refusesDurationsTheApiCannotMake(int seconds) {
        assertInvalid(Req.prompt("a").duration(seconds), "duration")
                .isEqualTo("--duration " + seconds + " is not available: the Jimeng API makes 5 s or 10 s videos at"
                        + " 24 fps in t2v_720p; use --duration 5 or --duration 10");
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 30, 60})
    void refusesFrameRatesOtherThan24(int fps) {
        assertInvalid(Req.prompt("a").mode("i2v_first_720p").image(URL).fps(fps), "fps")
                .isEqualTo("--fps " + fps + " is not available: the API always renders 24 fps (it has no"
                        + " frame-rate setting); leave out --fps or use 24");
    }

    static Stream<Arguments> wrongImageCounts() {
        return Stream.of(
                Arguments.of(
                        "t2v_720p",
                        1,
                        "image",
                        "t2v_720p takes no image (text only) but 1 was given; remove"
                                + " --image, or choose a mode that takes 1 image: i2v_first_720p, i2v_recamera_720p"),
                Arguments.of(
                        "t2v_1080p",
                        2,
                        "image",
                        "t2v_1080p takes no image (text only) but 2 were given;"
                                + " remove --image and --tail-image, or choose a mode that takes 2 images:"
                                + " i2v_first_tail_1080p"),
                Arguments.of(
                        "i2v_first_720p",
                        0,
                        "image",
                        "i2v_first_720p takes exactly 1 image (--image) but none"
                                + " was given; add --image (an http(s) URL or a local JPEG/PNG file)"),
                Arguments.of(
                        "i2v_first_1080p",
                        2,
                        "tail-image",
                        "i2v_first_1080p takes exactly 1 image (--image)"
                                + " but 2 were given; remove --tail-image, or choose a mode that takes 2 images:"
                                + " i2v_first_tail_1080p"),
                Arguments.of(
                        "i2v_first_tail_720p",
                        1,
                        "tail-image",
                        "i2v_first_tail_720p takes exactly 2 images"
                                + " (--image and --tail-image) but 1 was given; add --tail-image (an http(s) URL or a local"
                                + " JPEG/PNG file)"),
                Arguments.of(
                        "i2v_first_tail_1080p",
                        0,
                        "image",
                        "i2v_first_tail_1080p takes exactly 2 images"
                                + " (--image and --tail-image) but none was given; add --image and --tail-image (an http(s)"
                                + " URL or a local JPEG/PNG file)"),
                Arguments.of(
                        "i2v_first_tail_720p",
                        3,
                        "images",
                        "i2v_first_tail_720p takes exactly 2 images"
                                + " (--image and --tail-image) but 3 were given; remove image #3"),
                Arguments.of(
                        "ti2v_pro",
                        2,
                        "tail-image",
                        "ti2v_pro takes 0 or 1 image (--image) but 2 were"
                                + " given; remove --tail-image, or choose a mode that takes 2 images: i2v_first_tail_1080p,"
                                + " i2v_first_tail_720p"),
                Arguments.of(
                        "i2v_recamera_720p",
                        2,
                        "tail-image",
                        "i2v_recamera_720p takes exactly 1 image"
                                + " (--image) but 2 were given; remove --tail-image, or choose a mode that takes 2 images:"
                                + " i2v_first_tail_720p"));
    }

    @ParameterizedTest(name = "{0} with {1} images")
    @MethodSource("wrongImageCounts")
    void refusesTheWrongNumberOfImagesAndNamesTheOption(String mode, int count, String field, String message) {
        Req req = Req.prompt("a").mode(mode).camera(null, null);
        for (int i = 0; i < count; i++) {
            req.image("https://example.com/" + i + ".png");
        }
        assertInvalid(req, field).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i2v_first_720p", "i2v_first_tail_1080p", "i2v_recamera_720p"})
    void refusesAnAspectRatioWhereTheImageDecidesIt(String mode) {
        Req req = minimal(Capabilities.mode(mode).orElseThrow()).aspectRatio("16:9");

        assertInvalid(req, "aspect-ratio")
                .isEqualTo(mode + " takes its aspect ratio from the input image; remove --aspect-ratio (or crop the"
                        + " image)");
    }

    @Test
    void refusesAnAspectRatioOnProWithAnImageBecauseTheServerDerivesIt() {
        assertInvalid(Req.prompt("a").mode("ti2v_pro").image(URL).aspectRatio("1:1"), "aspect-ratio")
                .isEqualTo("with an image, ti2v_pro derives the aspect ratio from the image (the server picks the"
                        + " nearest supported ratio and centre-crops); remove --aspect-ratio (or crop the image)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5:4", "16/9", "wide", ""})
    void refusesAnAspectRatioTheApiDoesNotKnow(String ratio) {
        assertInvalid(Req.prompt("a").aspectRatio(ratio), "aspect-ratio")
                .isEqualTo("--aspect-ratio '" + ratio + "' is not supported by t2v_720p; use one of: 16:9, 4:3,"
                        + " 1:1, 3:4, 9:16, 21:9");
    }

    @Test
    void recameraNeedsATemplate() {
        assertInvalid(Req.prompt("a").mode("i2v_recamera_720p").image(URL).camera(null, "weak"), "template")
                .startsWith("i2v_recamera_720p needs --template; use one of: hitchcock_dolly_in,")
                .contains(Capabilities.CAMERA_TEMPLATES);
    }

    @Test
    void recameraNeedsAStrength() {
        assertInvalid(Req.prompt("a").mode("i2v_recamera_720p").image(URL).camera("robo_arm", " "), "camera-strength")
                .isEqualTo("i2v_recamera_720p needs --camera-strength; use one of: weak, medium, strong");
    }

    @Test
    void refusesAnUnknownTemplate() {
        assertInvalid(Req.prompt("a").mode("i2v_recamera_720p").image(URL).camera("zoom_in", "weak"), "template")
                .startsWith("unknown --template 'zoom_in'; use one of: hitchcock_dolly_in,")
                .endsWith("rapid_push_pull");
    }

    @Test
    void refusesAnUnknownStrength() {
        assertInvalid(Req.prompt("a").mode("i2v_recamera_720p").image(URL).camera("handheld", "max"), "camera-strength")
                .isEqualTo("unknown --camera-strength 'max'; use one of: weak, medium, strong");
    }

    @Test
    void refusesATemplateOutsideTheCameraMode() {
        assertInvalid(Req.prompt("a").camera("robo_arm", null), "template")
                .isEqualTo("--template applies only to camera-move modes (i2v_recamera_720p), not t2v_720p; remove"
                        + " it or choose --mode i2v_recamera_720p");
    }

    @Test
    void refusesAStrengthOutsideTheCameraMode() {
        assertInvalid(Req.prompt("a").mode("i2v_first_720p").image(URL).camera(null, "weak"), "camera-strength")
                .startsWith("--camera-strength applies only to camera-move modes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void refusesABlankPromptWhereOneIsRequired(String prompt) {
        assertInvalid(Req.prompt(prompt), "prompt")
                .isEqualTo("t2v_720p needs a prompt; describe the video in a prompt, e.g. \"a cat surfing at"
                        + " sunset\"");
    }

    @Test
    void refusesAMissingPromptOnImageModesToo() {
        assertInvalid(Req.prompt(null).mode("i2v_first_720p").image(URL), "prompt")
                .startsWith("i2v_first_720p needs a prompt");
    }

    @Test
    void proWithoutAnImageNeedsAPromptAndSaysAnImageWouldDo() {
        assertInvalid(Req.prompt(null).mode("ti2v_pro"), "prompt")
                .isEqualTo("ti2v_pro needs a prompt; describe the video in a prompt, or add --image");
    }

    @Test
    void refusesAPromptOver800CodePointsAndSaysByHowMuch() {
        assertInvalid(Req.prompt("猫".repeat(850)), "prompt")
                .isEqualTo("the prompt is 850 characters but the API takes at most 800; shorten it by 50 characters");
        assertInvalid(Req.prompt("🐱".repeat(801)), "prompt").contains("801 characters");
    }

    @ParameterizedTest
    @ValueSource(longs = {-2, Integer.MIN_VALUE, 2_147_483_648L, -2_147_483_649L, 99_999_999_999L})
    void refusesASeedTheApiRejects(long seed) {
        assertInvalid(Req.prompt("a").seed(seed), "seed")
                .isEqualTo(
                        "--seed " + seed + " is out of range: the API takes 0 to 2147483647, or -1 for a random seed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://example.com/a.png", "file:///tmp/a.png", "s3://bucket/a.png", "data:image/png;base64,AAAA"
            })
    void refusesImageSchemesOtherThanHttp(String image) {
        assertInvalid(Req.prompt("a").mode("i2v_first_720p").image(image), "image")
                .contains(image)
                .contains("the API fetches only http(s) URLs");
    }

    @Test
    void refusesAUrlWithoutAHost() {
        assertInvalid(Req.prompt("a").mode("i2v_first_720p").image("https:///a.png"), "image")
                .contains("has no host name");
    }

    @Test
    void refusesAUrlWithSpaces() {
        assertInvalid(Req.prompt("a").mode("i2v_first_720p").image("https://example.com/my cat.png"), "image")
                .contains("is not a valid URL")
                .contains("percent-encode");
    }

    @Test
    void refusesABlankImage() {
        assertInvalid(Req.prompt("a").mode("i2v_first_tail_720p").image(URL).image(" "), "tail-image")
                .isEqualTo("--tail-image is empty; give an http(s) URL or a local JPEG/PNG file");
    }

    // ---- helpers

    static Stream<String> modeNames() {
        return Capabilities.modeNames().stream();
    }

    /** The smallest valid request for a mode: a prompt, its minimum of image URLs, camera values if needed. */
    private static Req minimal(ModeSpec mode) {
        Req req = Req.prompt("a fox in the snow").mode(mode.name());
        List<String> urls = List.of(URL, TAIL_URL);
        for (int i = 0; i < mode.minImages(); i++) {
            req.image(urls.get(i));
        }
        if (mode.camera()) {
            req.camera(Capabilities.CAMERA_TEMPLATES.getFirst(), Capabilities.CAMERA_STRENGTHS.getFirst());
        }
        return req;
    }

    private AbstractStringAssert<?> assertInvalid(Req req, String field) {
        return assertInvalid(validator, req, field);
    }

    static AbstractStringAssert<?> assertInvalid(RequestValidator validator, Req req, String field) {
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRequestException.class, () -> validator.validate(req.build()));
        assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
        return assertThat(e.getMessage()).doesNotContain("\n");
    }

    static String json(SubmitBody body) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(body);
    }
}
