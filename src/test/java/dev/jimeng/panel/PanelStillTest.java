package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The details pane of a done job draws its video's first frame beside the text, in half blocks. */
class PanelStillTest {
    @TempDir
    Path dir;

    @Test
    void aDoneJobsDetailsShowItsFirstFrameInTrueColour() throws Exception {
        Path video = dir.resolve("red.mp4");
        // a flat red video, baseline H.264, made by an independent encoder
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=0xff0000:s=320x180:r=24:d=0.5",
                        "-c:v",
                        "libx264",
                        "-profile:v",
                        "baseline",
                        "-pix_fmt",
                        "yuv420p",
                        video.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue())
                .as(new String(ffmpeg.getInputStream().readAllBytes()))
                .isZero();

        PanelHarness h = new PanelHarness(
                100,
                30,
                List.of(job("d4e5f6a777")
                        .prompt("a red wall")
                        .state(JobState.DONE, Duration.ofSeconds(20))
                        .output(video.toString())
                        .build()));
        h.panel.showStills(true);
        h.press(KeyType.Enter);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    h.step();
                    assertThat(stillCells(h)).isPositive();
                });
        TextCharacter cell = firstStillCell(h);
        assertThat(cell.getForegroundColor()).isInstanceOf(TextColor.RGB.class);
        TextColor.RGB red = (TextColor.RGB) cell.getForegroundColor();
        assertThat(red.getRed()).isGreaterThan(200);
        assertThat(red.getGreen()).isLessThan(60);
        assertThat(h.text()).contains("a red wall");
        assertThat(h.model().anyActive())
                .as("only the still made it draw again")
                .isFalse();
    }

    @Test
    void aJobWithoutAVideoOnDiskGetsNoStill() {
        PanelHarness h = PanelHarness.standard();
        h.panel.showStills(true);
        h.press('j', 'j', 'j', 'j').press(KeyType.Enter).step();
        assertThat(stillCells(h)).isZero();
    }

    private static long stillCells(PanelHarness h) {
        long n = 0;
        for (int y = 0; y < h.terminal.getTerminalSize().getRows(); y++) {
            for (int x = 0; x < h.terminal.getTerminalSize().getColumns(); x++) {
                if (h.terminal.getCharacter(x, y).getCharacterString().equals("▀")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static TextCharacter firstStillCell(PanelHarness h) {
        for (int y = 0; y < h.terminal.getTerminalSize().getRows(); y++) {
            for (int x = 0; x < h.terminal.getTerminalSize().getColumns(); x++) {
                if (h.terminal.getCharacter(x, y).getCharacterString().equals("▀")) {
                    return h.terminal.getCharacter(x, y);
                }
            }
        }
        throw new AssertionError("no still");
    }
}
