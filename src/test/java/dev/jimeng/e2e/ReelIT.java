package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storyboard made by the packaged jar, its reel in a real browser (Debian's Chromium, headless):
 * one card per shot in shot order, every video's metadata loads from the file system, "Play in
 * order" plays the shots one after another, and nothing is logged as an error.
 */
class ReelIT {
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final Pattern SENT = Pattern.compile("shot (\\d): job (\\w{8}) sent");

    @TempDir
    Path dir;

    @Test
    void theReelShowsAndPlaysTheShotsInOrder() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .build())) {
            Path videos = dir.resolve("videos");
            Map<String, String> env = JimengProcess.environment(sandbox, dir.resolve("home"), videos);
            for (int i = 0; i < 4; i++) {
                keyframe(dir.resolve("k" + i + ".png"), 640 + 160 * i, (640 + 160 * i) * 9 / 16, i);
            }
            Files.writeString(
                    dir.resolve("morning.toml"),
                    """
                    [[shot]]
                    prompt = "the fox wakes up"
                    first = "k0.png"
                    last = "k1.png"

                    [[shot]]
                    prompt = "the fox runs to the river"
                    last = "k2.png"

                    [[shot]]
                    prompt = "the fox drinks"
                    last = "k3.png"
                    """);
            String[] ids = new String[3];
            try (JimengProcess run = JimengProcess.start(dir, env, "story", "morning.toml", "--yes")) {
                assertThat(run.awaitExit(RUN)).as(run.describe()).isZero();
                Matcher sent = SENT.matcher(run.stderr());
                while (sent.find()) {
                    ids[Integer.parseInt(sent.group(1)) - 1] = sent.group(2);
                }
            }
            assertThat(ids).doesNotContainNull();
            Path reel = videos.resolve("morning/morning-reel.html");

            try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"))) {
                chromium.open(reel.toUri().toString());

                assertThat(chromium.eval("[...document.querySelectorAll('.card')].map(c => c.dataset.id).join(' ')")
                                .asText())
                        .isEqualTo(String.join(" ", ids));
                assertThat(chromium.eval(
                                        "Promise.all([...document.querySelectorAll('video')].map(v =>"
                                                + " v.readyState >= 1 ? v.duration : new Promise(ok => {"
                                                + " v.onloadedmetadata = () => ok(v.duration); v.onerror = () => ok(-1); }))).then(d => d.map(Math.round))")
                                .toString())
                        .isEqualTo("[5,5,5]");

                // fast, and muted as the page makes them: the browser lets them play without a gesture
                chromium.eval("document.querySelectorAll('video').forEach(v => { v.playbackRate = 16; })");
                chromium.eval("document.getElementById('play-all').click()");
                String played = chromium.eval("new Promise(ok => { const b = document.getElementById('play-all');"
                                + " const t = setInterval(() => { if (!b.hasAttribute('data-playing')) {"
                                + " clearInterval(t); ok(b.getAttribute('data-played')); } }, 50); })")
                        .asText();
                assertThat(played).isEqualTo(String.join(" ", ids));
                assertThat(chromium.errors()).as("console and log errors").isEmpty();
            }
            assertThat(Files.readAllLines(videos.resolve("morning/morning.m3u")))
                    .containsSubsequence(List.of("shot-01.mp4", "shot-02.mp4", "shot-03.mp4"));
        }
    }

    /** A picture of its own (the hue differs by {@code n}) in the given size. */
    private static void keyframe(Path file, int width, int height, int n) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.getHSBColor(n / 4f, 0.6f, 0.8f));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
