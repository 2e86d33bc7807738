package dev.jimeng.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.mode.Capabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private JimengPaths paths() {
        return JimengPaths.resolve(Map.of("JIMENG_HOME", dir.resolve("home").toString()), dir, dir.resolve("cwd"));
    }

    /** config.toml with these {@code key=value} lines (values as TOML strings) and comments. */
    private void writeConfig(String... lines) throws IOException {
        Files.createDirectories(paths().configDir());
        StringBuilder toml = new StringBuilder();
        for (String line : lines) {
            int eq = line.indexOf('=');
            toml.append(line.startsWith("#") ? line : line.substring(0, eq) + " = \"" + line.substring(eq + 1) + "\"")
                    .append('\n');
        }
        Files.writeString(paths().configFile(), toml);
    }

    @Test
    void removingTheLastSavedSettingLeavesAConfigFileThatReadsBackClean() throws IOException {
        Settings s = Settings.load(paths(), Map.of());
        s.saveValue("output-dir", "clips");
        s.removeSaved("output-dir");

        Settings again = Settings.load(paths(), Map.of());

        assertThat(again.problems()).as(Files.readString(paths().configFile())).isEmpty();
        assertThat(again.get("output-dir").origin()).isEqualTo(new Origin.Default());

        Files.writeString(paths().configFile(), " = {}\n"); // what earlier versions wrote here
        assertThat(Settings.load(paths(), Map.of()).problems()).isEmpty();
    }

    @Test
    void withNothingConfiguredEveryValueIsTheDefault() {
        Settings s = Settings.load(paths(), Map.of());

        assertThat(s.all()).hasSize(Setting.values().length).allSatisfy(r -> assertThat(r.origin())
                .isEqualTo(new Origin.Default()));
        assertThat(s.mode()).isEqualTo(Capabilities.DEFAULT_MODE);
        assertThat(s.durationSeconds()).isEqualTo(5);
        assertThat(s.fps()).isEqualTo(24);
        assertThat(s.aspectRatio()).isEqualTo("16:9");
        assertThat(s.outputDir()).isEqualTo(dir.resolve("cwd/generated_videos"));
        assertThat(s.seed()).isEqualTo(-1);
        assertThat(s.concurrency()).isEqualTo(2);
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.notifyStyle()).isEqualTo(NotifyStyle.NONE);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void sessionBeatsEnvironmentBeatsConfigFileBeatsDefault() throws IOException {
        writeConfig("concurrency=3", "poll-interval=7", "duration=10");
        Settings s = Settings.load(paths(), Map.of("JIMENG_CONCURRENCY", "4", "JIMENG_VIDEO_POLL_INTERVAL", "2.5"));
        s.set("concurrency", "5");

        assertThat(s.get("concurrency").value()).isEqualTo("5");
        assertThat(s.get("concurrency").origin().describe()).isEqualTo("session");
        assertThat(s.get("poll-interval").value()).isEqualTo("2.5");
        assertThat(s.get("poll-interval").origin().describe()).isEqualTo("environment JIMENG_VIDEO_POLL_INTERVAL");
        assertThat(s.get("duration").value()).isEqualTo("10");
        assertThat(s.get("duration").origin().describe()).isEqualTo("config file " + paths().configFile());
        assertThat(s.get("fps").origin().describe()).isEqualTo("default");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(2500));

        s.unset("concurrency");
        assertThat(s.get("concurrency").value()).isEqualTo("4");
        assertThat(s.get("concurrency").origin()).isEqualTo(new Origin.Environment("JIMENG_CONCURRENCY"));
    }

    @Test
    void outputDirFromTheEnvironmentIsResolvedAgainstTheWorkingDirectory() {
        Settings s = Settings.load(paths(), Map.of("JIMENG_OUTPUT_DIR", "clips"));

        assertThat(s.outputDir()).isEqualTo(dir.resolve("cwd/clips"));
        assertThat(s.get(Setting.OUTPUT_DIR).origin()).isEqualTo(new Origin.Environment("JIMENG_OUTPUT_DIR"));
    }

    @Test
    void badEnvironmentValuesAreNotAppliedAndReportedOnOneLineWithTheFix() {
        Settings s = Settings.load(
                paths(),
                Map.of("JIMENG_CONCURRENCY", "lots", "JIMENG_VIDEO_POLL_INTERVAL", "0", "JIMENG_OUTPUT_DIR", ""));

        assertThat(s.concurrency()).isEqualTo(2);
        assertThat(s.get("concurrency").origin()).isEqualTo(new Origin.Default());
        assertThat(s.problems())
                .containsExactlyInAnyOrder(
                        "environment JIMENG_CONCURRENCY: concurrency: 'lots' is not a whole number;"
                                + " give a whole number from 1 to 10 (or unset JIMENG_CONCURRENCY)",
                        "environment JIMENG_VIDEO_POLL_INTERVAL: poll-interval: '0' is out of range;"
                                + " give seconds from 0.1 to 3600, e.g. 5 or 2.5 (or unset JIMENG_VIDEO_POLL_INTERVAL)");
        assertThat(s.problems()).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
    }

    @Test
    void badConfigFileEntriesAreNotAppliedAndReported() throws IOException {
        writeConfig("mode=t2v_9000p", "fps=24");
        Settings s = Settings.load(paths(), Map.of());

        assertThat(s.mode()).isEqualTo(Capabilities.DEFAULT_MODE);
        assertThat(s.get("fps").origin()).isInstanceOf(Origin.ConfigFile.class);
        assertThat(s.problems()).singleElement().asString().contains("mode: 't2v_9000p' is not a mode; use one of");
    }

    @Test
    void settingAnUnknownKeyOrABadValueFailsWithAOneLineMessage() {
        Settings s = Settings.load(paths(), Map.of());

        assertThatThrownBy(() -> s.set("colour", "red"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("unknown setting 'colour'; use one of mode, duration, fps");
        assertThatThrownBy(() -> s.set("duration", "7"))
                .hasMessage("duration: '7' is not a length the API makes; use one of 5, 10");
        assertThatThrownBy(() -> s.set("fps", "30"))
                .hasMessage("fps: '30' is not a frame rate the API makes; use one of 24");
        assertThatThrownBy(() -> s.set("notify", "loud"))
                .hasMessage("notify: 'loud' is not a notify style; use one of none, bell, osc9, osc777");
        assertThatThrownBy(() -> s.set("seed", "-2")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> s.set("aspect-ratio", "2:1")).hasMessageContaining("16:9, 4:3");
        assertThatThrownBy(() -> s.set("mode", " ")).hasMessageStartingWith("mode: no value given; use one of");
        assertThat(s.all()).allSatisfy(r -> assertThat(r.origin()).isEqualTo(new Origin.Default()));
    }

    @Test
    void valuesAreNormalised() {
        Settings s = Settings.load(paths(), Map.of());

        assertThat(s.set("MODE", "I2V_First_720p").value()).isEqualTo("i2v_first_720p");
        assertThat(s.set("poll_interval", "1.50").value()).isEqualTo("1.5");
        assertThat(s.set("seed", "random").value()).isEqualTo("-1");
        assertThat(s.set("notify", "OSC777").value()).isEqualTo("osc777");
        assertThat(s.notifyStyle()).isEqualTo(NotifyStyle.OSC777);
        assertThat(s.set("output-dir", "~/v").value())
                .isEqualTo(dir.resolve("v").toString());
    }

    @Test
    void saveWritesTheKeyGivenAndKeepsOtherKeysSoTheNextLoadSeesIt() throws IOException {
        writeConfig("# mine", "api-url=http://127.0.0.1:9", "fps=24", "duration=5");
        Settings s = Settings.load(paths(), Map.of());
        s.set("duration", "10");
        s.set("notify", "bell");
        s.set("mode", "t2v_1080p");

        s.save("duration");
        Path written = s.save("notify");

        assertThat(written).isEqualTo(paths().configFile());
        Map<String, Object> props = new com.fasterxml.jackson.dataformat.toml.TomlMapper()
                .readValue(
                        Files.readString(written),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(props)
                .containsEntry("api-url", "http://127.0.0.1:9")
                .containsEntry("fps", "24")
                .containsEntry("duration", 10)
                .containsEntry("notify", "bell")
                .doesNotContainKey("mode");
        assertThat(s.get("duration").origin()).isEqualTo(new Origin.Session());
        try (var files = Files.list(paths().configDir())) {
            assertThat(files).containsExactly(paths().configFile());
        }

        Settings reloaded = Settings.load(paths(), Map.of());
        assertThat(reloaded.durationSeconds()).isEqualTo(10);
        assertThat(reloaded.notifyStyle()).isEqualTo(NotifyStyle.BELL);
        assertThat(reloaded.get("notify").origin()).isEqualTo(new Origin.ConfigFile(paths().configFile()));
        assertThat(reloaded.problems()).isEmpty();
    }

    @Test
    void saveCreatesTheConfigDirectoryWhenMissing() throws IOException {
        Settings s = Settings.load(paths(), Map.of());
        s.set("mode", "ti2v_pro");

        s.save("mode");

        assertThat(Settings.load(paths(), Map.of()).mode()).isEqualTo("ti2v_pro");
    }

    @Test
    void durationAndFpsChoicesFollowTheModeInEffect() {
        var pro = Capabilities.mode("ti2v_pro").orElseThrow();

        assertThat(Setting.DURATION.choices(pro))
                .extracting(Choice::value)
                .containsExactlyElementsOf(pro.framesBySeconds().keySet().stream()
                        .map(String::valueOf)
                        .toList());
        assertThat(Setting.DURATION.choices(pro).get(0).description()).contains("121 frames");
        assertThat(Setting.FPS.choices(null)).extracting(Choice::value).containsExactly("24");
        assertThat(Setting.MODE.choices(null))
                .extracting(Choice::value)
                .containsExactlyElementsOf(Capabilities.modeNames());
        assertThat(Setting.NOTIFY.choices(null))
                .extracting(Choice::value)
                .containsExactly("none", "bell", "osc9", "osc777");
    }
}
