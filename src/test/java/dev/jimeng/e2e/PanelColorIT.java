package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NO_COLOR in the live panel, in a real pseudo-terminal: with it the panel draws with bold and
 * reverse video only; without it the same screen has colours (so the check can tell them apart).
 */
class PanelColorIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Pattern SGR = Pattern.compile("\u001b\\[([0-9;:]*)m");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void panelHonoursNoColor(boolean noColor) throws Exception {
        try (Tmux tmux = jimeng(noColor)) {
            tmux.await("the first prompt", s -> s.contains("jimeng t2v_720p>"), START);
            tmux.type("\"a red fox in the snow\"");
            tmux.keys("Enter");
            tmux.await("the job queued", s -> s.contains("queued · t2v_720p"), STEP);
            tmux.type("watch");
            tmux.keys("Enter");
            tmux.await("the panel with its job", s -> s.contains("q quit") && s.contains("t2v_720p"), STEP);

            String screen = tmux.screenWithAttributes();
            assertThat(screen).as("the panel highlights its selected row").contains("\u001b[");
            if (noColor) {
                assertThat(colourSequences(screen))
                        .as("colour escapes with NO_COLOR")
                        .isEmpty();
            } else {
                assertThat(colourSequences(screen))
                        .as("colour escapes without NO_COLOR")
                        .isNotEmpty();
            }
            tmux.keys("q");
            tmux.await("the shell back", s -> !s.contains("q quit"), STEP);
        }
    }

    /** The SGR sequences on {@code screen} that set a foreground or background colour. */
    private static java.util.List<String> colourSequences(String screen) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = SGR.matcher(screen);
        while (m.find()) {
            boolean colour = Arrays.stream(m.group(1).split("[;:]"))
                    .filter(p -> !p.isEmpty())
                    .mapToInt(Integer::parseInt)
                    .anyMatch(p -> (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 107));
            if (colour) {
                found.add(m.group().replace("\u001b", "ESC"));
            }
        }
        return found;
    }

    private Tmux jimeng(boolean noColor) throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        // set or cleared in the command itself: the tmux server may carry an older environment
        String command = (noColor ? "export NO_COLOR=1; " : "unset NO_COLOR; ") + "TERM=xterm-256color '" + java
                + "' --enable-native-access=ALL-UNNAMED -jar '" + jar + "' --sandbox; sleep 120";
        Map<String, String> env = Map.of(
                "JIMENG_HOME",
                dir.resolve("home").toString(),
                "JIMENG_OUTPUT_DIR",
                dir.resolve("videos").toString(),
                "LANG",
                "C.UTF-8",
                // long enough to be seen generating in the panel
                "JIMENG_SANDBOX_GENERATE_SECONDS",
                "30");
        return new Tmux(120, 40, env, "sh", "-c", command);
    }
}
