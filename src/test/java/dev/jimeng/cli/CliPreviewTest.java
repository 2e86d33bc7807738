package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.preview.Frame;
import dev.jimeng.preview.FramePosition;
import dev.jimeng.preview.UndecodableVideoException;
import dev.jimeng.preview.VideoFrames;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stills of a sandbox-made MP4, decoded by JCodec, drawn by {@code preview}, {@code show} and {@code generate}. */
class CliPreviewTest {
    private static final Pattern SAVED = Pattern.compile("Save Path: (\\S+\\.mp4)");
    private static final Pattern ID = Pattern.compile("accepted for job (\\w+)");

    private static SandboxServer server;

    @TempDir
    static Path cwd;

    @TempDir
    static Path home;

    private static Path video;
    private static String id;
    private static String generateOut;

    @BeforeAll
    static void makeOneVideo() {
        server = CliSandbox.start();
        CliRun run = truecolour().run("generate", "a red fox in the snow", "--seed", "7");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher saved = SAVED.matcher(run.stdout());
        assertThat(saved.find()).as(run.stdout()).isTrue();
        video = Path.of(saved.group(1));
        Matcher job = ID.matcher(run.stderr());
        assertThat(job.find()).as(run.stderr()).isTrue();
        id = job.group(1);
        generateOut = run.stdout();
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    private static CliHarness truecolour() {
        return CliHarness.against(server, cwd, home)
                .with("TERM", "xterm-256color")
                .with("COLORTERM", "truecolor")
                .stdoutIsTerminal(true);
    }

    @Test
    void jcodecDecodesTheSandboxsVideoAtItsFirstMiddleAndLastFrame() throws Exception {
        Frame first = VideoFrames.grab(video, FramePosition.FIRST);
        Frame middle = VideoFrames.grab(video, FramePosition.MIDDLE);
        Frame last = VideoFrames.grab(video, FramePosition.LAST);

        assertThat(first.width()).isEqualTo(1280);
        assertThat(first.height()).isEqualTo(720);
        // the sandbox's bright block travels left to right over a loop of 8 frames: the middle
        // frame (loop frame 4) has it further right than the first
        assertThat(brightestColumn(first)).isLessThan(200);
        assertThat(brightestColumn(middle)).isBetween(500, 800);
        assertThat(last).extracting(Frame::width, Frame::height).containsExactly(1280, 720);
    }

    @Test
    void generateDrawsTheFirstFrameUnderTheResultOnATerminal() {
        assertThat(halfBlockLines(generateOut)).isEqualTo(11); // 40 columns of a 16:9 frame
    }

    @Test
    void showAndPreviewDrawHalfBlocksOnATerminalAndNothingWhenPiped() {
        CliRun shown = truecolour().run("show", id);
        assertThat(halfBlockLines(shown.stdout())).isEqualTo(11);
        assertThat(shown.stdout()).contains("\033[38;2;");

        CliRun preview =
                truecolour().with("COLORTERM", "").run("preview", video.toString(), "--frame", "last", "--width", "20");
        assertThat(preview.exitCode()).isZero();
        assertThat(halfBlockLines(preview.stdout())).isEqualTo(6);
        assertThat(preview.stdout()).contains("\033[38;5;").doesNotContain("38;2;");

        CliRun piped = CliHarness.against(server, cwd, home)
                .with("TERM", "xterm-kitty")
                .run("show", id);
        assertThat(piped.stdout()).doesNotContain("▀").doesNotContain("\033");
        CliRun pipedPreview = CliHarness.against(server, cwd, home).run("preview", id);
        assertThat(pipedPreview.stdout()).isEmpty();
        assertThat(pipedPreview.stderr()).contains("no preview drawn");
    }

    @Test
    void kittyGetsAnInlineImage() {
        CliRun kitty = truecolour().with("TERM", "xterm-kitty").run("preview", id);
        assertThat(kitty.stdout()).startsWith("\033_Ga=T,f=100,q=2,c=40,").doesNotContain("▀");
    }

    @Test
    void aFileJcodecCannotDecodeIsSaidInOneLineAndNothingIsDrawn() throws Exception {
        Path broken = cwd.resolve("broken.mp4");
        Files.write(broken, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3});
        CliRun run = truecolour().run("preview", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.onlyErrorLine()).startsWith("jimeng: no preview of broken.mp4: JCodec cannot decode it");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VideoFrames.grab(broken, FramePosition.FIRST))
                .isInstanceOf(UndecodableVideoException.class);
    }

    @Test
    void badFrameAndWidthAreOneLineErrors() {
        assertThat(truecolour().run("preview", id, "--frame", "end").onlyErrorLine())
                .contains("--frame end is not a frame: use first, middle or last");
        assertThat(truecolour().run("preview", id, "--width", "0").onlyErrorLine())
                .contains("--width must be 4 to 1000 columns");
    }

    private static long halfBlockLines(String out) {
        return out.lines().filter(l -> l.contains("▀")).count();
    }

    private static int brightestColumn(Frame frame) {
        int best = 0;
        int bestLuma = -1;
        for (int x = 0; x < frame.width(); x++) {
            int p = frame.pixel(x, frame.height() / 2);
            int luma = ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
            if (luma > bestLuma) {
                bestLuma = luma;
                best = x;
            }
        }
        return best;
    }
}
