package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings given in the shell: they apply to the next action at once and to nothing already
 * queued; a folder is checked when it is set; {@code --save} writes only the key given.
 */
class ShellSettingsTest {
    @TempDir
    Path dir;

    ShellHarness shell;

    @BeforeEach
    void start() throws IOException {
        shell = new ShellHarness(dir);
    }

    @AfterEach
    void stop() {
        shell.close();
    }

    @Test
    void aQueuedJobKeepsTheOutputFolderItWasQueuedWith() throws IOException {
        int code = shell.runScript("set output-dir first\n\"a red fox\"\nset output-dir second\n");

        assertThat(code).as(shell.err()).isZero();
        assertThat(videos(shell.cwd.resolve("first"))).hasSize(1);
        assertThat(videos(shell.cwd.resolve("second"))).isEmpty();
    }

    @Test
    void unsettingTheOutputFolderDoesNotMoveAJobAlreadyQueued() throws IOException {
        int code = shell.runScript("set output-dir first\n\"a red fox\"\nunset output-dir\n");

        assertThat(code).as(shell.err()).isZero();
        assertThat(videos(shell.cwd.resolve("first"))).hasSize(1);
        assertThat(videos(shell.videos())).isEmpty();
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedWhenSet() {
        int code = shell.runScript("set output-dir /proc/nope\nsettings\n");

        assertThat(code).isEqualTo(2);
        assertThat(shell.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("jimeng: ")
                .contains("/proc/nope");
        assertThat(shell.out().lines().filter(l -> l.startsWith("output-dir ")))
                .singleElement()
                .asString()
                .contains("default")
                .doesNotContain("/proc/nope");
    }

    @Test
    void aFileIsRefusedAsTheOutputFolderWhenSet() throws IOException {
        Files.writeString(shell.cwd.resolve("notes"), "a file");

        int code = shell.runScript("set output-dir notes\n");

        assertThat(code).isEqualTo(2);
        assertThat(shell.err().lines().toList()).singleElement().asString().contains("notes", "not a folder");
    }

    @Test
    void settingAFolderThatDoesNotExistYetLeavesNothingBehind() {
        int code = shell.runScript("set output-dir later/videos\n");

        assertThat(code).as(shell.err()).isZero();
        assertThat(shell.out()).contains("output-dir = " + shell.cwd.resolve("later/videos"));
        assertThat(shell.cwd.resolve("later")).doesNotExist();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNewPollIntervalAppliesToTheNextJobAtOnce() throws IOException {
        shell.with("JIMENG_VIDEO_POLL_INTERVAL", "3600");

        int code = shell.runScript("set poll-interval 0.1\n\"a red fox\"\n");

        assertThat(code).as(shell.err()).isZero();
        assertThat(videos(shell.videos())).hasSize(1);
    }

    @Test
    void aKeyWithoutAValueShowsWhatIsInEffectAndHowToChangeIt() {
        shell.with("JIMENG_VIDEO_POLL_INTERVAL", "2");

        int code = shell.runScript("set poll-interval\nset duration\n");

        assertThat(code).as(shell.err()).isZero();
        assertThat(shell.out().lines().toList())
                .containsExactly(
                        "poll-interval = 2  (environment JIMENG_VIDEO_POLL_INTERVAL; change it with: set"
                                + " poll-interval VALUE)",
                        "duration = 5  (default; change it with: set duration VALUE)");
    }

    @Test
    void anUnknownKeyWithoutAValueIsNamedAsUnknown() {
        int code = shell.runScript("set model\n");

        assertThat(code).isEqualTo(2);
        assertThat(shell.err().lines().toList())
                .singleElement()
                .asString()
                .contains("unknown setting 'model'", "mode")
                .doesNotContain("needs a value");
    }

    @Test
    void saveWritesOnlyTheKeyGiven() throws IOException {
        shell.runScript("set fps 24\nset mode t2v_1080p\nset duration 10 --save\n");

        java.util.Map<String, Object> saved = new com.fasterxml.jackson.dataformat.toml.TomlMapper()
                .readValue(
                        Files.readString(shell.home.resolve("config.toml")),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
        assertThat(saved).containsOnlyKeys("duration").containsEntry("duration", 10);
    }

    @Test
    void aBadValueInTheConfigFileStopsTheShellWithTheFileKeyAndValue() throws IOException {
        Files.createDirectories(shell.home);
        Path config = shell.home.resolve("config.toml");
        Files.writeString(config, "duration = \"10s\"\n");

        int code = shell.runScript("\"a red fox\"\n");

        assertThat(code).isEqualTo(2);
        assertThat(shell.err()).contains(config.toString(), "duration", "10s", "5, 10");
        assertThat(shell.server.submitCount()).isZero();
    }

    private static List<Path> videos(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
    }

    // ---- the settings table --------------------------------------------------------------------

    private static final java.util.regex.Pattern ORIGIN =
            java.util.regex.Pattern.compile("(default|session|environment \\S+|config file .*)$");

    /** The display column where each line's origin starts. */
    private static List<Integer> originColumns(List<String> lines) {
        return lines.stream()
                .map(l -> {
                    java.util.regex.Matcher m = ORIGIN.matcher(l);
                    assertThat(m.find()).as(l).isTrue();
                    return dev.jimeng.text.TerminalText.width(l.substring(0, m.start()));
                })
                .toList();
    }

    @Test
    void aLongOrWideValueIsFittedAndTheColumnsStayAligned() throws IOException {
        Path deep = shell.cwd.resolve("视频".repeat(20));
        shell.with("COLUMNS", "80");
        shell.runScript("set output-dir " + deep + "\nsettings\n");

        List<String> table =
                shell.out().lines().dropWhile(l -> !l.startsWith("mode ")).toList();
        assertThat(table).hasSizeGreaterThan(10);
        assertThat(table)
                .allSatisfy(l ->
                        assertThat(dev.jimeng.text.TerminalText.width(l)).as(l).isLessThanOrEqualTo(80));
        assertThat(originColumns(table))
                .as(String.join("\n", table))
                .containsOnly(originColumns(table).getFirst());
        assertThat(table.stream().filter(l -> l.startsWith("output-dir ")))
                .singleElement()
                .asString()
                .contains("…", "视频", "session");
    }

    @Test
    void aWideTerminalShowsTheWholeValue() throws IOException {
        Path deep = shell.cwd.resolve("视频".repeat(20));
        shell.with("COLUMNS", "240");
        shell.runScript("set output-dir " + deep + "\nsettings\n");

        List<String> table =
                shell.out().lines().dropWhile(l -> !l.startsWith("mode ")).toList();
        assertThat(table.stream().filter(l -> l.startsWith("output-dir ")))
                .singleElement()
                .asString()
                .contains(deep.toString())
                .doesNotContain("…");
        assertThat(originColumns(table)).containsOnly(originColumns(table).getFirst());
    }
}
