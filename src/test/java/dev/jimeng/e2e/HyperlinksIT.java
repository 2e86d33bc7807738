package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved path of a one-shot {@code generate} at a real terminal (tmux, links forced on as a user
 * inside tmux would): the bytes carry an OSC 8 link to the file, the screen shows the path as before;
 * {@code --color=never} writes it plain. The same for the shell's notice of a finished job, printed
 * above a half-typed line that stays whole.
 */
class HyperlinksIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern SAVE_PATH = Pattern.compile("- Save Path: (\\S+\\.mp4)");
    /** A shell notice's second line, as it reads on the screen. */
    private static final Pattern NOTICE_PATH = Pattern.compile("(?m)^  saved (\\S+\\.mp4)$");

    private static final String SHELL_PROMPT = "jimeng t2v_720p>";

    @TempDir
    Path home;

    @Test
    void theSavePathIsALinkToTheFileAndReadsAsBefore() throws Exception {
        String bytes = generate("");
        Matcher shown = SAVE_PATH.matcher(bytes.replaceAll("\u001b]8;;[^\u001b]*\u001b\\\\", ""));
        assertThat(shown.find()).isTrue();
        String path = shown.group(1);
        assertThat(Path.of(path)).exists();
        assertThat(bytes)
                .contains("- Save Path: \u001b]8;;file://")
                .contains(Path.of(path).toUri().getRawPath() + "\u001b\\" + path + "\u001b]8;;\u001b\\");
    }

    @Test
    void colorNeverWritesThePathPlain() throws Exception {
        String bytes = generate("--color=never ");
        assertThat(bytes).contains("- Save Path: /").doesNotContain("\u001b]8;;");
    }

    @Test
    void aShellNoticeLinksTheSavedFileAboveTheHalfTypedLineIntact() throws Exception {
        Path record = home.resolve("shell-bytes");
        String screen = shellNotice("1", record);
        String bytes = Files.readString(record, StandardCharsets.UTF_8);
        Matcher saved = NOTICE_PATH.matcher(screen);
        assertThat(saved.find()).as(screen).isTrue();
        String path = saved.group(1);
        assertThat(Path.of(path)).exists();
        assertThat(bytes)
                .contains("  saved \u001b]8;;file://")
                .contains(Path.of(path).toUri().getRawPath() + "\u001b\\" + path + "\u001b]8;;\u001b\\");
    }

    @Test
    void withLinksOffAShellNoticeWritesThePathPlain() throws Exception {
        Path record = home.resolve("shell-bytes");
        String screen = shellNotice("0", record);
        assertThat(NOTICE_PATH.matcher(screen).find()).as(screen).isTrue();
        assertThat(Files.readString(record, StandardCharsets.UTF_8))
                .contains("  saved /")
                .doesNotContain("\u001b]8;;");
    }

    /**
     * Starts a job in the shell, types half a line while it runs, and returns the screen once its
     * notice is up and the half-typed line is redrawn whole under it.
     */
    private String shellNotice(String hyperlinks, Path record) throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(record, "");
        try (Tmux tmux = new Tmux(
                120,
                30,
                Map.of(
                        "JIMENG_HOME",
                        home.toString(),
                        "JIMENG_OUTPUT_DIR",
                        home.resolve("videos").toString(),
                        "JIMENG_HYPERLINKS",
                        hyperlinks,
                        "JIMENG_SANDBOX_GENERATE_SECONDS",
                        "3",
                        "LANG",
                        "C.UTF-8"),
                "sh",
                "-c",
                "TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar
                        + "' --sandbox; echo \"jimeng exited $?\"; sleep 120")) {
            tmux.recordTo(record);
            tmux.awaitText(SHELL_PROMPT, STEP);
            tmux.type("generate 'a red fox' --duration 5");
            tmux.keys("Enter");
            tmux.awaitText("you will be told when it is done", STEP);
            tmux.type("half typed");
            String screen = tmux.await(
                    "the notice above the half-typed line",
                    s -> s.contains(" done · t2v_720p")
                            && s.lines()
                                    .filter(l -> l.startsWith(SHELL_PROMPT))
                                    .reduce((a, b) -> b)
                                    .orElse("")
                                    .equals(SHELL_PROMPT + " half typed"),
                    STEP);
            tmux.keys("C-u");
            tmux.type("exit");
            tmux.keys("Enter");
            tmux.awaitText("jimeng exited 0", STEP);
            return screen;
        }
    }

    private String generate(String options) throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path record = home.resolve("bytes");
        Files.writeString(record, "");
        try (Tmux tmux = new Tmux(
                120,
                30,
                Map.of(
                        "JIMENG_HOME",
                        home.toString(),
                        "JIMENG_OUTPUT_DIR",
                        home.resolve("videos").toString(),
                        "JIMENG_HYPERLINKS",
                        "1",
                        "LANG",
                        "C.UTF-8"),
                "sh",
                "-c",
                "read go; TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar + "' "
                        + options
                        + "--sandbox generate 'a red fox' --duration 5; echo \"jimeng exited $?\"; sleep 120")) {
            tmux.recordTo(record);
            tmux.keys("Enter"); // starts jimeng once its output is recorded
            tmux.awaitText("jimeng exited 0", STEP);
        }
        return Files.readString(record, StandardCharsets.UTF_8);
    }
}
