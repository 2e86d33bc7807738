package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's status line in a real pseudo-terminal (tmux): after {@code clear}, after the terminal
 * was resized while the panel was open, and at 60 columns, it is drawn whole in the bottom row and
 * never over the prompt.
 */
class StatusLineIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration JOB = Duration.ofSeconds(90);
    private static final String PROMPT = "jimeng t2v_720p>";
    /** The panel's title (its footer is cut at narrow widths). */
    private static final String PANEL = "jimeng jobs ·";
    /** A whole status line: counts joined by " · ", nothing else on the row. */
    private static final Pattern STATUS = Pattern.compile(
            "\\d+ (running|queued|done|failed|canceled)( · \\d+ (running|queued|done|failed|canceled))*");
    /** Any piece of a status line, to find one drawn where it does not belong. */
    private static final Pattern STATUS_PIECE = Pattern.compile(
            "(?<!\\w)\\d{1,4} (running|queued|done|failed) ·|· \\d{1,4} (running|queued|done|failed|canceled)\\b");

    private static final Pattern QUEUED = Pattern.compile("(?m)^(\\w{8}) queued · t2v_720p");

    @TempDir
    Path dir;

    @Test
    void theFirstScreenKeepsItsFirstLineAboveThePromptInAFreshTerminal() throws Exception {
        try (Tmux tmux = jimeng(100, 20)) {
            String screen = awaitScreen(tmux, "the first prompt", s -> s.contains(PROMPT), START);
            List<String> rows = screen.lines().toList();
            int prompt = rows.indexOf(
                    rows.stream().filter(r -> r.startsWith(PROMPT)).findFirst().orElseThrow());
            // reserving the status row once moved the cursor up over the first line
            assertThat(prompt).as(screen).isPositive();
            assertThat(rows.get(prompt - 1))
                    .as(screen)
                    .startsWith("jimeng ")
                    .contains("shell · sandbox on 127.0.0.1:")
                    .contains("nothing is billed")
                    .endsWith("type help or press TAB");
        }
    }

    @Test
    void clearAndResizingWhileWatchingLeaveTheStatusLineWholeInItsOwnRow() throws Exception {
        try (Tmux tmux = jimeng(100, 30)) {
            awaitScreen(tmux, "the first prompt", s -> s.contains(PROMPT), START);
            tmux.type("\"a red fox in the snow\"");
            tmux.keys("Enter");
            awaitScreen(
                    tmux, "the status line", s -> STATUS.matcher(bottomRow(s)).matches(), STEP);

            tmux.type("clear");
            tmux.keys("Enter");
            assertIntact(awaitScreen(tmux, "a cleared screen with the status line", StatusLineIT::intact, STEP), 30);
            awaitScreen(tmux, "the first job done", s -> bottomRow(s).equals("1 done") && intact(s), JOB);

            // Shrink while the panel is open: the shell gets the terminal back at another size.
            tmux.type("\"a blue whale\"");
            tmux.keys("Enter");
            awaitScreen(
                    tmux,
                    "the second job counted",
                    s -> STATUS_PIECE.matcher(bottomRow(s)).find(),
                    STEP);
            watchWhileResizingTo(tmux, 80, 24);
            assertIntact(awaitScreen(tmux, "the shell back at 80x24", StatusLineIT::intact, STEP), 24);

            // Grow while the panel is open.
            watchWhileResizingTo(tmux, 110, 36);
            assertIntact(awaitScreen(tmux, "the shell back at 110x36", StatusLineIT::intact, STEP), 36);

            // The counts change after the resize: still drawn whole, in the new bottom row.
            awaitScreen(tmux, "both jobs done", s -> bottomRow(s).equals("2 done") && intact(s), JOB);
            tmux.type("jobs");
            tmux.keys("Enter");
            assertIntact(awaitScreen(tmux, "the jobs listed", s -> s.contains("a blue whale") && intact(s), STEP), 36);

            // Resized while a command has the terminal: laid out afresh before the next prompt.
            tmux.type("\"a grey wolf\"");
            tmux.keys("Enter");
            String third = idAfter(
                    awaitScreen(
                            tmux,
                            "the third job",
                            s -> !idAfter(s, "a grey wolf").isEmpty(),
                            STEP),
                    "a grey wolf");
            tmux.type("wait " + third);
            tmux.keys("Enter");
            awaitScreen(tmux, "the wait running", s -> s.contains("waiting for " + third), STEP);
            tmux.resize(90, 28);
            assertIntact(
                    awaitScreen(
                            tmux, "the prompt after the wait", s -> bottomRow(s).equals("3 done") && intact(s), JOB),
                    28);

            tmux.type("exit");
            tmux.keys("Enter");
            awaitScreen(tmux, "a clean exit", s -> s.contains("jimeng exited 0"), STEP);
        }
    }

    @Test
    void atSixtyColumnsTheStatusLineStaysInItsOwnRow() throws Exception {
        try (Tmux tmux = jimeng(60, 20)) {
            awaitScreen(tmux, "the first prompt", s -> s.contains(PROMPT), START);
            tmux.type("\"a red fox in the snow\"");
            tmux.keys("Enter");
            tmux.type("\"a blue whale\"");
            tmux.keys("Enter");
            awaitScreen(
                    tmux, "the status line", s -> STATUS.matcher(bottomRow(s)).matches(), STEP);
            tmux.type("jobs");
            tmux.keys("Enter");
            assertIntact(awaitScreen(tmux, "the jobs listed", s -> s.contains("a blue whale") && intact(s), STEP), 20);
            tmux.type("clear");
            tmux.keys("Enter");
            assertIntact(awaitScreen(tmux, "a cleared screen", StatusLineIT::intact, STEP), 20);
            awaitScreen(tmux, "both jobs done", s -> bottomRow(s).equals("2 done") && intact(s), JOB);
            tmux.type("exit");
            tmux.keys("Enter");
            awaitScreen(tmux, "a clean exit", s -> s.contains("jimeng exited 0"), STEP);
        }
    }

    /** Opens the panel, resizes the terminal under it, waits for the panel to follow, quits it. */
    private static void watchWhileResizingTo(Tmux tmux, int width, int height) throws Exception {
        tmux.type("watch");
        tmux.keys("Enter");
        awaitScreen(tmux, "the panel", s -> s.contains(PANEL), STEP);
        tmux.resize(width, height);
        awaitScreen(
                tmux, "the panel at " + width + "x" + height, s -> rows(s).size() == height && s.contains(PANEL), STEP);
        tmux.keys("q");
        awaitScreen(tmux, "the panel closed", s -> !s.contains(PANEL) && lastPromptRow(s) >= 0, STEP);
    }

    /**
     * The prompt row holds the prompt and nothing else, the bottom row holds a whole status line and
     * nothing else, and no other row carries a piece of a status line.
     */
    private static boolean intact(String screen) {
        List<String> rows = rows(screen);
        int prompt = lastPromptRow(screen);
        if (prompt < 0 || prompt == rows.size() - 1 || !rows.get(prompt).equals(PROMPT)) {
            return false;
        }
        if (!STATUS.matcher(bottomRow(screen)).matches()) {
            return false;
        }
        return rows.subList(0, rows.size() - 1).stream()
                .noneMatch(r -> STATUS_PIECE.matcher(r).find() && !r.contains("✔"));
    }

    private static void assertIntact(String screen, int height) {
        List<String> rows = rows(screen);
        assertThat(rows).as("one row per terminal row").hasSize(height);
        assertThat(rows.get(lastPromptRow(screen))).as(screen).isEqualTo(PROMPT);
        assertThat(bottomRow(screen)).as(screen).matches(STATUS);
    }

    /** Waits on the real process's screen with Awaitility; a timeout shows the last screen. */
    private static String awaitScreen(Tmux tmux, String what, Predicate<String> condition, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("");
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    last.set(tmux.screen());
                    assertThat(condition.test(last.get()))
                            .as("waiting for " + what + "; screen:\n" + last.get())
                            .isTrue();
                });
        return last.get();
    }

    private Tmux jimeng(int width, int height) throws Exception {
        Path jar =
                Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        // in the temporary folder, where the videos are saved
        String command =
                "cd '" + dir + "' && TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar
                        + "' --sandbox; echo \"jimeng exited $?\"; sleep 120";
        return new Tmux(
                width,
                height,
                // jobs run long enough to be counted as running while the screen changes under them
                Map.of(
                        "JIMENG_HOME",
                        dir.resolve("home").toString(),
                        "LANG",
                        "C.UTF-8",
                        "JIMENG_SANDBOX_GENERATE_SECONDS",
                        "5"),
                "sh",
                "-c",
                command);
    }

    /** The id printed under the command line that submitted {@code prompt}, or "". */
    private static String idAfter(String screen, String prompt) {
        int command = screen.lastIndexOf(PROMPT + " \"" + prompt + "\"");
        if (command < 0) {
            return "";
        }
        Matcher m = QUEUED.matcher(screen);
        return m.find(command) ? m.group(1) : "";
    }

    private static List<String> rows(String screen) {
        return screen.lines().map(String::stripTrailing).toList();
    }

    private static String bottomRow(String screen) {
        List<String> rows = rows(screen);
        return rows.isEmpty() ? "" : rows.getLast().strip();
    }

    private static int lastPromptRow(String screen) {
        List<String> rows = rows(screen);
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).startsWith("jimeng ")) {
                return i;
            }
        }
        return -1;
    }
}
