package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot {@code jobs} at a real 60-column terminal (tmux, no COLUMNS in the environment) fits
 * its table to the terminal's width, which jimeng reads from the terminal itself, cheaply: asking
 * for the width builds no terminal (JLine's FFM binding alone cost a quarter of a second).
 */
class TerminalWidthIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final int COLUMNS = 60;

    @TempDir
    Path dir;

    @Test
    void jobsFitsItsTableToTheTerminalsWidth() throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classes = dir.resolve("classes.log");
        String jimeng = "'" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar + "' --sandbox";
        String logged = "'" + java + "' --enable-native-access=ALL-UNNAMED -Xlog:class+load:file='" + classes
                + "' -jar '" + jar + "' --sandbox";
        String prompt = "a very long prompt about a lighthouse keeper who paints the sea every morning at dawn";
        // unset COLUMNS: a shell may export it, and jimeng would rightly take it over the terminal's
        String command = "unset COLUMNS; " + jimeng + " submit '" + prompt + "' >/dev/null 2>&1 && " + logged
                + " jobs; echo JOBS-EXIT=$?; sleep 120";
        Map<String, String> env = Map.of(
                "JIMENG_HOME", dir.resolve("home").toString(),
                "JIMENG_OUTPUT_DIR", dir.resolve("videos").toString(),
                "LANG", "C.UTF-8");
        try (Tmux tmux = new Tmux(COLUMNS, 30, env, "sh", "-c", command)) {
            String screen = tmux.awaitText("JOBS-EXIT=", STEP);

            assertThat(screen).contains("JOBS-EXIT=0").contains("a very long");
            assertThat(tmux.joinedLines())
                    .as("no line wrapped past %d columns", COLUMNS)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(COLUMNS));
            assertThat(Files.readString(classes))
                    .as("classes loaded by jobs")
                    .doesNotContain("org.jline.terminal.impl.PosixSysTerminal ")
                    .doesNotContain("jdk.internal.foreign.abi.DowncallStub");
        }
    }
}
