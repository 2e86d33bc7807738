package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.jimeng.app.ExitCode;
import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad command line is refused before anything is sent: exit code 2, exactly one line on
 * stderr that says what is wrong and how to fix it, nothing on stdout, and the sandbox received
 * no submit (no test in this class ever submits, so its count stays 0).
 */
class CliBadInputTest {
    private static final String URL = "https://example.com/first.png";
    private static final String URL2 = "https://example.com/tail.png";

    @TempDir
    static Path cwd;

    @TempDir
    Path home;

    private static SandboxServer server;

    @BeforeAll
    static void startSandboxAndMakeFixtures() throws IOException {
        server = CliSandbox.start();
        Fixtures.png(cwd, "wide.png", 1280, 720);
        Fixtures.png(cwd, "tall.png", 720, 1280);
        Fixtures.png(cwd, "tiny.png", 300, 400);
        Fixtures.png(cwd, "strip.png", 1000, 320);
        Files.write(cwd.resolve("huge-sides.png"), pngHeaderOnly(5000, 3000));
        Files.writeString(cwd.resolve("notes.png"), "these are not pixels\n");
        byte[] gif = Files.readAllBytes(Fixtures.png(cwd, "tmp.png", 400, 400));
        javax.imageio.ImageIO.write(
                javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(gif)),
                "gif",
                cwd.resolve("animated.jpg").toFile());
        try (RandomAccessFile big = new RandomAccessFile(cwd.resolve("big.png").toFile(), "rw")) {
            big.write(Files.readAllBytes(cwd.resolve("wide.png")));
            big.setLength(4_700_001L); // sparse: one byte over the limit, no time spent writing it
        }
        Files.writeString(cwd.resolve("taken.mp4"), "an earlier video");
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(server.submitCount()).as("submits received").isZero();
        assertThat(server.requests()).as("requests received").isEmpty();
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                bad("an unknown mode", args("-m", "t2v_4k", "a cat"), "unknown mode 't2v_4k'", "t2v_720p", "ti2v_pro"),
                bad("a 4 second duration", args("-d", "4", "a cat"), "--duration 4", "5 s or 10 s", "24 fps"),
                bad("a 6 second duration", args("-d", "6", "a cat"), "--duration 6", "5 s or 10 s", "24 fps"),
                bad("an 8 second duration", args("--duration", "8", "a cat"), "--duration 8", "5 s or 10 s", "24 fps"),
                bad("25 fps", args("--fps", "25", "a cat"), "--fps 25", "24 fps"),
                bad("30 fps", args("--fps", "30", "a cat"), "--fps 30", "24 fps"),
                bad("a first-frame mode without an image", args("-m", "i2v_first_720p", "a cat"), "--image"),
                bad(
                        "a first-and-last mode with only the first image",
                        args("-m", "i2v_first_tail_1080p", "-i", URL, "a cat"),
                        "--tail-image"),
                bad("a text-only mode with an image", args("-m", "t2v_720p", "-i", URL, "a cat"), "remove --image"),
                bad(
                        "a first-frame mode with a tail image too",
                        args("-m", "i2v_first_720p", "-i", URL, "--tail-image", URL2, "a cat"),
                        "remove --tail-image",
                        "i2v_first_tail_720p"),
                bad(
                        "first and tail images of different aspect ratios",
                        args("-m", "i2v_first_tail_720p", "-i", "wide.png", "--tail-image", "tall.png", "a cat"),
                        "1280×720",
                        "720×1280"),
                bad(
                        "recamera without --template",
                        args("-m", "i2v_recamera_720p", "-i", URL, "--camera-strength", "weak", "a cat"),
                        "needs --template",
                        "dynamic_orbit"),
                bad(
                        "recamera without --camera-strength",
                        args("-m", "i2v_recamera_720p", "-i", URL, "--template", "robo_arm", "a cat"),
                        "needs --camera-strength",
                        "weak, medium, strong"),
                bad(
                        "recamera with an unknown template",
                        args(
                                "-m",
                                "i2v_recamera_720p",
                                "-i",
                                URL,
                                "--template",
                                "barrel_roll",
                                "--camera-strength",
                                "weak",
                                "a cat"),
                        "unknown --template 'barrel_roll'",
                        "hitchcock_dolly_in"),
                bad(
                        "recamera with an unknown strength",
                        args(
                                "-m",
                                "i2v_recamera_720p",
                                "-i",
                                URL,
                                "--template",
                                "robo_arm",
                                "--camera-strength",
                                "max",
                                "a cat"),
                        "unknown --camera-strength 'max'",
                        "weak, medium, strong"),
                bad(
                        "an aspect ratio on a first-frame mode",
                        args("-m", "i2v_first_720p", "-i", URL, "-a", "9:16", "a cat"),
                        "remove --aspect-ratio"),
                bad(
                        "an aspect ratio on ti2v_pro with an image",
                        args("-m", "ti2v_pro", "-i", URL, "--aspect-ratio", "1:1", "a cat"),
                        "remove --aspect-ratio"),
                bad(
                        "a local image that does not exist",
                        args("-m", "i2v_first_720p", "-i", "missing.png", "a cat"),
                        "missing.png",
                        "no such file"),
                bad(
                        "a text file named .png",
                        args("-m", "i2v_first_720p", "-i", "notes.png", "a cat"),
                        "not a JPEG or PNG",
                        "convert it"),
                bad(
                        "a GIF named .jpg",
                        args("-m", "i2v_first_720p", "-i", "animated.jpg", "a cat"),
                        "it is a GIF",
                        "JPEG or PNG"),
                bad(
                        "an image over 4.7 MB",
                        args("-m", "i2v_first_720p", "-i", "big.png", "a cat"),
                        "4,700,001 bytes",
                        "4.7 MB"),
                bad(
                        "an image with a side under 320 px",
                        args("-m", "i2v_first_720p", "-i", "tiny.png", "a cat"),
                        "300×400",
                        "320 px"),
                bad(
                        "an image with a side over 4096 px",
                        args("-m", "i2v_first_720p", "-i", "huge-sides.png", "a cat"),
                        "5000×3000",
                        "4096 px"),
                bad(
                        "an image wider than three times its height",
                        args("-m", "i2v_first_720p", "-i", "strip.png", "a cat"),
                        "1000×320",
                        "3 times",
                        "crop it"),
                bad(
                        "an ftp image URL",
                        args("-m", "i2v_first_720p", "-i", "ftp://example.com/a.png", "a cat"),
                        "ftp: scheme",
                        "http(s)"),
                bad(
                        "a file: image URL",
                        args("-m", "i2v_first_720p", "-i", "file:///tmp/a.png", "a cat"),
                        "file: scheme",
                        "http(s)"),
                bad("an empty prompt", args("generate", ""), "needs a prompt", "describe the video"),
                bad("a blank prompt", args("-m", "t2v_1080p", "   "), "needs a prompt"),
                bad("no prompt at all", args("-m", "i2v_first_720p", "-i", URL), "needs a prompt"),
                bad("an 801-character prompt", args("猫".repeat(801)), "801 characters", "at most 800"),
                bad("a seed above int32", args("--seed", "2147483648", "a cat"), "2147483648", "-1"),
                bad("a seed below int32", args("--seed", "-2147483649", "a cat"), "-2147483649", "0 to 2147483647"),
                bad("a negative seed other than -1", args("--seed", "-2", "a cat"), "-2", "-1 for a random seed"),
                bad(
                        "--tail-image without --image",
                        args("-m", "i2v_first_tail_720p", "--tail-image", URL, "a cat"),
                        "--tail-image needs --image"),
                bad(
                        "--output naming an existing file",
                        args("-o", "taken.mp4", "a cat"),
                        "taken.mp4 already exists",
                        "choose another"),
                bad("an unknown option", args("--colour", "red", "a cat"), "--colour", "--help"),
                bad("a duration that is not a number", args("-d", "five", "a cat"), "five", "--help"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void isRefusedWithOneLineAndExitCodeTwoAndNothingSent(List<String> args, List<String> mentions) {
        CliRun run = CliHarness.against(server, cwd, home).run(args.toArray(String[]::new));

        assertRefused(run, mentions);
    }

    @Test
    void missingAccessKeyIsRefusedBeforeAnythingIsSent() {
        CliRun run =
                CliHarness.against(server, cwd, home).without("VOLC_ACCESSKEY").run("generate", "a cat");

        assertRefused(run, List.of("VOLC_ACCESSKEY is not set", "--sandbox"));
    }

    @Test
    void missingSecretKeyIsRefusedBeforeAnythingIsSent() {
        CliRun run = CliHarness.against(server, cwd, home)
                .with("VOLC_SECRETKEY", " ")
                .run("generate", "a cat");

        assertRefused(run, List.of("VOLC_SECRETKEY is not set", "--sandbox"));
    }

    @Test
    void aValidationErrorOutranksMissingCredentials() {
        CliRun run = CliHarness.bare(cwd, home).run("generate", "-d", "4", "a cat");

        assertRefused(run, List.of("--duration 4", "5 s or 10 s"));
    }

    @Test
    void anUnknownVerbIsRefused() {
        CliRun run = CliHarness.against(server, cwd, home).run("gnerate", "a cat");

        assertRefused(run, List.of("gnerate", "did you mean generate", "jimeng --help"));
    }

    @Test
    void anUnknownCommandOrSubcommandIsNamedInPlainWords() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);

        assertThat(jimeng.run("keys").onlyErrorLine())
                .isEqualTo("jimeng: unknown command 'keys'; keys are kept with login (and shown by profile show)"
                        + " (see 'jimeng --help')");
        assertThat(jimeng.run("quote", "--mode", "t2v_1080p").onlyErrorLine())
                .isEqualTo("jimeng: unknown command 'quote'; a quote is generate … --dry-run: the estimated cost,"
                        + " nothing sent (see 'jimeng --help')");
        assertThat(jimeng.run("unset", "mode").onlyErrorLine())
                .as("a command of the shell, not a misspelt asset")
                .isEqualTo("jimeng: unknown command 'unset'; unset is the shell's, for its session (jimeng with no"
                        + " command); to drop a saved setting: jimeng config unset KEY (see 'jimeng --help')");
        assertThat(jimeng.run("stauts").onlyErrorLine())
                .isEqualTo("jimeng: unknown command 'stauts'; did you mean status? (see 'jimeng --help')");
        assertThat(jimeng.run("profile", "add", "work").onlyErrorLine())
                .isEqualTo("jimeng: unknown profile command 'add'; use one of list, use, show"
                        + " (see 'jimeng profile --help')");
        assertThat(server.submitCount()).isZero();
    }

    @Test
    void wordsACommandDoesNotTakeAreNamedWithWhatItTakes() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);

        assertThat(jimeng.run("jobs", "red", "fox").onlyErrorLine())
                .isEqualTo("jimeng: jobs takes no arguments, but was given 'red' 'fox'; to find jobs by their"
                        + " prompt: jimeng jobs --search 'red fox' (see 'jimeng jobs --help')");
        assertThat(jimeng.run("--profile", "default", "jobs", "fox").onlyErrorLine())
                .as("the line as typed, --profile and all")
                .contains("to find jobs by their prompt: jimeng --profile default jobs --search fox (see");
        assertThat(jimeng.run("show", "abc", "extra").onlyErrorLine())
                .isEqualTo("jimeng: show takes ID, but was also given 'extra' (see 'jimeng show --help')");
    }

    @Test
    void aMissingArgumentIsNamedWithWhatItIs() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);

        CliRun show = jimeng.run("show");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.onlyErrorLine())
                .isEqualTo("jimeng: show needs ID: job id (or unique prefix) (see 'jimeng show --help')");
        assertThat(jimeng.run("attach", "123").onlyErrorLine()).startsWith("jimeng: attach needs --mode: ");
    }

    @Test
    void aPromptTypedAsSeparateWordsIsShownQuoted() {
        CliRun words = CliHarness.against(server, cwd, home).run("generate", "a", "fox's", "den", "--duration", "10");
        CliRun bare = CliHarness.against(server, cwd, home).run("a", "red", "fox");

        assertRefused(
                words,
                List.of(
                        "generate takes the prompt as one argument; quote it:"
                                + " jimeng generate 'a fox'\\''s den' --duration 10",
                        "jimeng generate --help"));
        assertRefused(
                bare,
                List.of(
                        "unknown command 'a'; for a video of that text, quote the prompt: jimeng generate 'a red fox'"));
        assertThat(server.submitCount()).isZero();
    }

    @Test
    void aNumberOptionGivenWordsSaysWhatNumberItTakesInPlainWords() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);
        List<CliRun> runs = List.of(
                jimeng.run("generate", "a cat", "--duration", "ten"),
                jimeng.run("generate", "a cat", "--seed", "abc"),
                jimeng.run("generate", "a cat", "--fps", "2.5"),
                jimeng.run("generate", "a cat", "--max-cost", "cheap"),
                jimeng.run("jobs", "--limit", "x"));

        assertRefused(runs.get(0), List.of("--duration", "'ten' is not a whole number"));
        assertRefused(runs.get(1), List.of("--seed", "'abc' is not a whole number"));
        assertRefused(runs.get(2), List.of("--fps", "'2.5' is not a whole number"));
        assertRefused(runs.get(3), List.of("--max-cost", "'cheap' is not a number", "12.50"));
        assertRefused(runs.get(4), List.of("--limit", "'x' is not a whole number"));
        assertThat(runs).allSatisfy(run -> assertThat(run.stderr())
                .doesNotContain("java.", "BigDecimal", " int ", " long ", "an int"));
    }

    @Test
    void aBadOptionValueIsToldAsTheOptionAndTheProblemWithoutPicocliWords() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);

        assertThat(jimeng.run("generate", "a cat", "--duration", "ten").onlyErrorLine())
                .isEqualTo("jimeng: --duration: 'ten' is not a whole number (see 'jimeng generate --help')");
        assertThat(jimeng.run("generate", "a cat", "--seeds", "1,2,x").onlyErrorLine())
                .isEqualTo("jimeng: --seeds: 'x' is not a whole number (see 'jimeng generate --help')");
        assertThat(jimeng.run("--color=sometimes", "jobs").onlyErrorLine())
                .isEqualTo("jimeng: --color: 'sometimes' is not one of auto, always, never (see 'jimeng --help')");
    }

    @Test
    void aMistypedOptionGetsTheClosestOptionAndNotItsValueCalledAnOption() {
        CliHarness jimeng = CliHarness.against(server, cwd, home);

        CliRun duration = jimeng.run("generate", "a cat", "--dration", "10");
        CliRun ratio = jimeng.run("generate", "a cat", "--aspect_ratio=16:9");
        CliRun image = jimeng.run("generate", "a cat", "--img", "a.png");

        assertRefused(duration, List.of("unknown option '--dration'; did you mean --duration?", "generate --help"));
        assertThat(duration.stderr()).doesNotContain("'10'", "dry-run");
        assertRefused(ratio, List.of("unknown option '--aspect_ratio'; did you mean --aspect-ratio?"));
        assertRefused(image, List.of("unknown option '--img'; did you mean --image?"));
        assertThat(server.submitCount()).isZero();
    }

    @Test
    void aSecondImageIsPointedToTheTailImageOption() {
        CliRun run = CliHarness.against(server, cwd, home)
                .run("generate", "a cat", "--mode", "i2v_first_tail_720p", "--image", "a.png", "--image", "b.png");

        assertRefused(
                run,
                List.of("--image", "once", "the last frame goes in --tail-image: --image a.png --tail-image b.png"));
        assertThat(server.submitCount()).isZero();
    }

    private static void assertRefused(CliRun run, List<String> mentions) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        String line = run.onlyErrorLine();
        assertThat(line).startsWith("jimeng: ");
        for (String mention : mentions) {
            assertThat(line).contains(mention);
        }
        assertThat(run.stdout()).isEmpty();
    }

    private static Arguments bad(String name, List<String> args, String... mentions) {
        List<String> line = args.getFirst().equals("generate")
                ? args
                : Stream.concat(Stream.of("generate"), args.stream()).toList();
        return argumentSet(name, line, List.of(mentions));
    }

    private static List<String> args(String... args) {
        return List.of(args);
    }

    /** Signature, IHDR and IEND only: its header claims a size that would take long to encode. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII));
        ihdr.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt(0xAE426082)
                .array();
    }
}
