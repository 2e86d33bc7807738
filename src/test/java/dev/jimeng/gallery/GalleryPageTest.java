package dev.jimeng.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryPageTest {
    static final String HOSTILE = "</p><script>alert(1)</script><img src=x onerror=alert(2)> \"q\" 'a' & \u0007bell";

    @TempDir
    Path dir;

    private static GalleryCard card(String id, String prompt, String video) {
        return new GalleryCard(
                id,
                prompt,
                "t2v_720p",
                "5 s",
                "7",
                "¥1.40 (estimated)",
                "done",
                "2026-12-01 02:00",
                video,
                "jimeng generate '" + prompt + "' -m t2v_720p",
                false,
                null,
                false);
    }

    @Test
    void aHostilePromptIsTextEverywhereItAppears() {
        String html =
                GalleryPage.render("g<b>", "gallery.html", List.of(card("abcd1234", HOSTILE, null)), Instant.EPOCH);

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<b>");
        assertThat(html).contains("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
        assertThat(html).contains("&quot;q&quot; &#39;a&#39; &amp; \uFFFDbell");
        assertThat(html.split("<script", -1)).as("only the page's own script").hasSize(2);
    }

    @Test
    void thePageLoadsNothingFromOutsideAndItsCspNamesItsOwnScriptAndStyleOnly() {
        String html =
                GalleryPage.render("g", "gallery.html", List.of(card("abcd1234", "fox", "./a.mp4")), Instant.EPOCH);

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
        assertThat(html).contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(html).contains("<video src=\"./a.mp4\" preload=\"metadata\"");
    }

    @Test
    void tidyFindsNeitherErrorsNorWarnings() throws Exception {
        String html = GalleryPage.render(
                "jimeng gallery",
                "gallery.html",
                List.of(card("abcd1234", HOSTILE, "./a%20b.mp4"), card("bcde2345", "一只橘猫", null)),
                Instant.EPOCH);
        Path file = dir.resolve("gallery.html");
        Files.writeString(file, html);

        Process tidy = new ProcessBuilder("tidy", "-q", "-e", "-utf8", file.toString())
                .redirectErrorStream(true)
                .start();
        String report = new String(tidy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tidy.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(report).as("tidy's report").isEmpty();
        assertThat(tidy.exitValue()).isZero();
    }

    @Test
    void videosUnderThePageAreRelativeAndEncodedOthersAreFileUris() throws IOException {
        Path video = Files.createDirectories(dir.resolve("sub dir")).resolve("a#b:c 视频.mp4");
        Files.writeString(video, "x");
        assertThat(GalleryCard.videoAddress(video, dir)).isEqualTo("./sub%20dir/a%23b:c%20%E8%A7%86%E9%A2%91.mp4");
        Path outside = Files.createTempFile("jimeng-outside", ".mp4");
        try {
            assertThat(GalleryCard.videoAddress(outside, dir)).startsWith("file:/");
        } finally {
            Files.delete(outside);
        }
        assertThat(GalleryCard.videoAddress(dir.resolve("gone.mp4"), dir)).isNull();
    }
}
