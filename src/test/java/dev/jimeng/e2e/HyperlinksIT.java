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
 * {@code --color=never} writes it plain.
 */
class HyperlinksIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern SAVE_PATH = Pattern.compile("- Save Path: (\\S+\\.mp4)");

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
