package dev.jimeng.request;

import static dev.jimeng.request.RequestValidatorTest.assertInvalid;
import static dev.jimeng.request.RequestValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jimeng.mode.Capabilities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Local image files: read, checked against the API's limits and sent as base64. */
class RequestValidatorImageTest {
    @TempDir
    Path dir;

    private RequestValidator validator() {
        return new RequestValidator(dir);
    }

    private static Req firstFrame(Object image) {
        return Req.prompt("the flower opens").mode("i2v_first_720p").image(image);
    }

    // ---- accepted files

    @Test
    void sendsTwoLocalFilesAsBase64InOrderWithTheExactBody() throws Exception {
        byte[] first = TestImages.png(640, 360);
        byte[] tail = TestImages.jpeg(1280, 720);
        Path firstPath = TestImages.write(dir, "first.png", first);
        Path tailPath = TestImages.write(dir, "tail.jpg", tail);

        ValidatedRequest validated = validator()
                .validate(Req.prompt("sunrise")
                        .mode("i2v_first_tail_720p")
                        .image(firstPath)
                        .image(tailPath)
                        .build());

        String b64First = Base64.getEncoder().encodeToString(first);
        String b64Tail = Base64.getEncoder().encodeToString(tail);
        assertThat(json(validated.body()))
                .isEqualTo(
                        "{\"req_key\":\"jimeng_i2v_first_tail_v30\",\"prompt\":\"sunrise\",\"binary_data_base64\":[\""
                                + b64First + "\",\"" + b64Tail + "\"],\"seed\":-1,\"frames\":121}");
        assertThat(validated.request().images()).containsExactly(firstPath.toString(), tailPath.toString());
    }

    @Test
    void resolvesRelativePathsAgainstTheWorkingDirectoryAndKeepsThemAbsolute() {
        TestImages.write(dir, "cat.png", TestImages.png(400, 400));

        ValidatedRequest validated =
                validator().validate(firstFrame("./sub/../cat.png").build());

        assertThat(validated.request().images())
                .containsExactly(dir.resolve("cat.png").toString());
        assertThat(validated.body().binaryDataBase64()).hasSize(1);
    }

    @Test
    void aRequestKeptWhileItsJobWaitsHoldsOnlyTheLengthOfItsImages() {
        TestImages.write(dir, "cat.png", TestImages.png(400, 400));
        ValidatedRequest validated = validator().validate(firstFrame("cat.png").build());
        int base64Chars = validated.body().binaryDataBase64().getFirst().length();

        ValidatedRequest kept = validated.withoutImageData();

        assertThat(kept.body().binaryDataBase64()).containsExactly("<" + base64Chars + " base64 chars>");
        assertThat(kept.request()).isEqualTo(validated.request());
        assertThat(kept.body().redacted()).isEqualTo(validated.body().redacted());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "baseline JPEG named .jpg, baseline, photo.jpg",
        "progressive JPEG, progressive, photo.jpg",
        "EXIF-first JPEG, exif, photo.jpeg",
        "PNG named .jpg, png, photo.jpg",
        "JPEG named .png, baseline, photo.png",
        "JPEG without extension, baseline, photo"
    })
    void judgesTheFormatByMagicBytesNotByName(String description, String kind, String name) {
        byte[] bytes =
                switch (kind) {
                    case "progressive" -> TestImages.progressiveJpeg(960, 540);
                    case "exif" -> TestImages.exifFirstJpeg(960, 540);
                    case "png" -> TestImages.png(960, 540);
                    default -> TestImages.jpeg(960, 540);
                };
        Path file = TestImages.write(dir, name, bytes);

        ValidatedRequest validated = validator().validate(firstFrame(file).build());

        assertThat(validated.body().binaryDataBase64())
                .containsExactly(Base64.getEncoder().encodeToString(bytes));
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 320", "960, 320", "320, 960"})
    void acceptsImagesRightAtTheSideAndRatioLimits(int width, int height) {
        Path file = TestImages.write(dir, "edge.png", TestImages.png(width, height));

        assertThat(validator().validate(firstFrame(file).build()).body().binaryDataBase64())
                .hasSize(1);
    }

    @Test
    void acceptsAFileOfExactlyTheSizeLimit() {
        Path file = TestImages.write(
                dir, "big.png", TestImages.padded(TestImages.png(400, 400), Capabilities.IMAGE_MAX_BYTES));

        assertThat(validator().validate(firstFrame(file).build()).body().binaryDataBase64())
                .hasSize(1);
    }

    @Test
    void acceptsFirstAndTailFramesWhoseRatiosDifferByLessThanOnePercent() {
        Path first = TestImages.write(dir, "a.png", TestImages.png(1280, 720));
        Path tail = TestImages.write(dir, "b.png", TestImages.png(1276, 720)); // 0.3 % narrower

        assertThat(validator()
                        .validate(Req.prompt("x")
                                .mode("i2v_first_tail_1080p")
                                .image(first)
                                .image(tail)
                                .build())
                        .body()
                        .binaryDataBase64())
                .hasSize(2);
    }

    @Test
    void neverPrintsBase64ImageDataInToString() {
        byte[] bytes = TestImages.png(400, 400);
        Path file = TestImages.write(dir, "secret.png", bytes);

        ValidatedRequest validated = validator().validate(firstFrame(file).build());

        String base64 = Base64.getEncoder().encodeToString(bytes);
        assertThat(validated.toString()).doesNotContain(base64).contains("base64 chars");
    }

    // ---- refused files

    @Test
    void refusesAMissingFile() {
        assertInvalid(validator(), firstFrame("nope.png"), "image")
                .isEqualTo("--image nope.png: no such file; check the path or give an http(s) URL");
    }

    @Test
    void refusesADirectory() {
        assertInvalid(validator(), firstFrame(dir), "image").endsWith("is a directory; give a JPEG or PNG file");
    }

    @Test
    void refusesAnUnreadableFile() throws Exception {
        Path file = TestImages.write(dir, "locked.png", TestImages.png(400, 400));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("root can read anything").isFalse();

        assertInvalid(validator(), firstFrame(file), "image").contains("cannot be read (permission denied)");
    }

    @Test
    void refusesAGifEvenWhenNamedPng() {
        Path file = TestImages.write(dir, "anim.png", TestImages.gif(400, 400));

        assertInvalid(validator(), firstFrame(file), "image")
                .isEqualTo("--image " + file + ": not a JPEG or PNG image (it is a GIF); the API takes JPEG or PNG"
                        + " images, so convert it");
    }

    @Test
    void refusesATextFileRenamedPng() {
        Path file = TestImages.write(dir, "notes.png", "just some notes".getBytes(StandardCharsets.UTF_8));

        assertInvalid(validator(), firstFrame(file), "image").contains("(it looks like a text file)");
    }

    @Test
    void refusesAFileOneByteOverTheSizeLimit() {
        Path file = TestImages.write(
                dir, "big.png", TestImages.padded(TestImages.png(400, 400), Capabilities.IMAGE_MAX_BYTES + 1));

        assertInvalid(validator(), firstFrame(file), "image")
                .isEqualTo("--image " + file + " is 4,700,001 bytes; the API takes images up to 4.7 MB (4,700,000"
                        + " bytes), so shrink or recompress it");
    }

    @Test
    void refusesAnImageWithASideUnder320Pixels() {
        Path file = TestImages.write(dir, "small.jpg", TestImages.jpeg(319, 400));

        assertInvalid(validator(), firstFrame(file), "image")
                .isEqualTo("--image " + file + " is 319×400; its shortest side must be at least 320 px, so use a"
                        + " larger image");
    }

    @Test
    void refusesAnImageWithASideOver4096Pixels() {
        Path file = TestImages.write(dir, "huge.png", TestImages.pngHeaderOnly(4097, 2000));

        assertInvalid(validator(), firstFrame(file), "image")
                .isEqualTo("--image " + file + " is 4097×2000; its sides must be at most 4096 px, so scale it down");
    }

    @Test
    void refusesAnImageMoreThanThreeTimesAsLongAsItIsWide() {
        Path file = TestImages.write(dir, "banner.png", TestImages.png(1120, 320));

        assertInvalid(validator(), firstFrame(file), "image")
                .isEqualTo("--image " + file + " is 1120×320 (3.50:1); its long side may be at most 3 times its"
                        + " short side, so crop it");
    }

    @Test
    void namesTheTailImageWhenItIsTheBadOne() {
        Path first = TestImages.write(dir, "a.png", TestImages.png(640, 360));
        Path tail = TestImages.write(dir, "b.png", TestImages.png(300, 300));

        assertInvalid(
                        validator(),
                        Req.prompt("x").mode("i2v_first_tail_720p").image(first).image(tail),
                        "tail-image")
                .startsWith("--tail-image " + tail + " is 300×300");
    }

    @Test
    void refusesFirstAndTailFramesOfDifferentAspectRatios() {
        Path first = TestImages.write(dir, "wide.png", TestImages.png(1280, 720));
        Path tail = TestImages.write(dir, "square.jpg", TestImages.jpeg(720, 720));

        assertInvalid(
                        validator(),
                        Req.prompt("x").mode("i2v_first_tail_720p").image(first).image(tail),
                        "tail-image")
                .isEqualTo("--image is 1280×720 (ratio 1.78) but --tail-image is 720×720 (ratio 1.00); first and"
                        + " tail frames must have the same aspect ratio, so crop one to match the other");
    }

    @Test
    void refusesMixingAUrlAndALocalFile() {
        Path tail = TestImages.write(dir, "b.png", TestImages.png(640, 360));

        assertInvalid(
                        validator(),
                        Req.prompt("x")
                                .mode("i2v_first_tail_1080p")
                                .image("https://example.com/a.png")
                                .image(tail),
                        "images")
                .isEqualTo("one image is a URL and the other a local file, but the API takes either URLs or uploaded"
                        + " files in one request, not both; give both as URLs or both as local files");
    }
}
