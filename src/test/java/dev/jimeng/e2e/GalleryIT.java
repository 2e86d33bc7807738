package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery page of the packaged jar's jobs in a real browser (Debian's Chromium, headless):
 * it loads from the file system with no console error, one card per job, a hostile prompt stays
 * text, the videos' metadata loads, the filter hides what does not match, the copy button puts the
 * exact command on the clipboard, and a star toggled in the page reaches the journal.
 */
class GalleryIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Pattern ACCEPTED = Pattern.compile("accepted for job (\\w+)");
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> a fox";

    @TempDir
    Path dir;

    private Map<String, String> env;

    @Test
    void theGalleryWorksInHeadlessChromium() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .build())) {
            Path videos = dir.resolve("videos");
            env = JimengProcess.environment(sandbox, dir.resolve("home"), videos);
            String fox = generate("a red fox in the snow", "1");
            String hostile = generate(HOSTILE, "2");
            String whale = generate("a blue whale", "3");
            jimeng("star", hostile);
            String wrote = jimeng("gallery").stdout();
            Path page = videos.resolve("gallery.html");
            assertThat(wrote).contains("wrote " + page).contains("(3 jobs)");

            try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"))) {
                chromium.call(
                        "Browser.grantPermissions",
                        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
                chromium.call("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
                chromium.open(page.toUri().toString());

                assertThat(chromium.eval("document.querySelectorAll('.card').length")
                                .asInt())
                        .isEqualTo(3);
                assertThat(chromium.eval("document.scripts.length").asInt())
                        .as("only the page's own script")
                        .isEqualTo(1);
                assertThat(chromium.eval("document.querySelectorAll('img').length")
                                .asInt())
                        .isZero();
                assertThat(text(chromium, hostile, ".prompt")).isEqualTo(HOSTILE);
                assertThat(chromium.eval(card(hostile) + ".querySelector('.star').getAttribute('aria-pressed')")
                                .asText())
                        .isEqualTo("true");
                // every video's metadata loads from the file system (the CSP lets file: media in)
                assertThat(chromium.eval(
                                        "Promise.all([...document.querySelectorAll('video')].map(v =>"
                                                + " v.readyState >= 1 ? v.duration : new Promise(ok => {"
                                                + " v.onloadedmetadata = () => ok(v.duration); v.onerror = () => ok(-1); }))).then(d => d.map(Math.round))")
                                .toString())
                        .isEqualTo("[5,5,5]");

                chromium.eval("(() => { const f = document.getElementById('filter'); f.value = 'WHALE';"
                        + " f.dispatchEvent(new Event('input')); })()");
                assertThat(chromium.eval("[...document.querySelectorAll('.card')].filter(c => !c.hidden)"
                                        + ".map(c => c.dataset.id).join()")
                                .asText())
                        .isEqualTo(whale);
                assertThat(chromium.eval("document.getElementById('shown').textContent")
                                .asText())
                        .isEqualTo("1");

                String command = text(chromium, whale, "code");
                assertThat(command)
                        .isEqualTo("jimeng generate 'a blue whale' -m t2v_720p -d 5 --fps 24 -a 16:9 --seed 3");
                chromium.eval(card(whale) + ".querySelector('.copy').click()");
                assertThat(chromium.eval("new Promise(ok => { const b = " + card(whale) + ".querySelector('.copy');"
                                        + " const t = setInterval(() => { if (b.dataset.copied) { clearInterval(t);"
                                        + " ok(b.dataset.copied); } }, 20); })")
                                .asText())
                        .isEqualTo("true");
                assertThat(chromium.eval("navigator.clipboard.readText()").asText())
                        .isEqualTo(command);

                // a star toggled in the page is saved as the sidecar and read back into the journal
                chromium.eval(card(fox) + ".querySelector('.star').click()");
                chromium.eval(card(hostile) + ".querySelector('.star').click()");
                String href = chromium.eval("document.getElementById('save-stars').href")
                        .asText();
                String json = URLDecoder.decode(
                        href.substring("data:application/json;charset=utf-8,".length()), StandardCharsets.UTF_8);
                Files.writeString(videos.resolve("gallery-stars.json"), json);
                assertThat(chromium.errors()).as("console and log errors").isEmpty();
            }
            JimengProcess again = jimeng("gallery");
            assertThat(again.stderr()).contains("read 3 stars from gallery-stars.json into the journal");
            assertThat(videos.resolve("gallery-stars.json")).doesNotExist();
            String html = Files.readString(videos.resolve("gallery.html"));
            assertThat(starOf(html, fox)).isEqualTo("true");
            assertThat(starOf(html, hostile)).isEqualTo("false");
            assertThat(starOf(html, whale)).isEqualTo("false");
        }
    }

    private static String card(String id) {
        return "document.querySelector('.card[data-id=\"" + id + "\"]')";
    }

    private static String text(HeadlessChromium chromium, String id, String selector) throws Exception {
        return chromium.eval(card(id) + ".querySelector('" + selector + "').textContent")
                .asText();
    }

    private static String starOf(String html, String id) {
        Matcher m = Pattern.compile("data-id=\"" + id + "\"[\\s\\S]*?aria-pressed=\"(\\w+)\"")
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String generate(String prompt, String seed) throws Exception {
        JimengProcess run = jimeng("generate", prompt, "--seed", seed);
        Matcher m = ACCEPTED.matcher(run.stderr());
        assertThat(m.find()).as(run.describe()).isTrue();
        return m.group(1);
    }

    private JimengProcess jimeng(String... args) throws Exception {
        try (JimengProcess run = JimengProcess.start(dir, env, args)) {
            assertThat(run.awaitExit(RUN)).as(run.describe()).isZero();
            return run;
        }
    }
}
