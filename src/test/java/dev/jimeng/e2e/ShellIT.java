package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's shell in a real pseudo-terminal (tmux): completion, session settings, two
 * background jobs whose notices appear above a half-typed line, the status line, Ctrl-C, history.
 */
class ShellIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration JOB = Duration.ofSeconds(120);
    private static final String FAKE_SECRET = "fake-secret-value-0123456789";
    private static final Pattern QUEUED = Pattern.compile("(?m)^(\\w{8}) queued · t2v_1080p");

    @TempDir
    Path dir;

    @Test
    void aSessionCompletesSetsGeneratesInTheBackgroundAndExitsCleanly() throws Exception {
        Path home = dir.resolve("home");
        Path videos = dir.resolve("videos");
        try (Tmux tmux = jimeng(home, "xterm-256color")) {
            tmux.await("the first prompt", s -> s.contains("jimeng t2v_720p>"), START);

            // TAB completes a mode; the prompt follows the session's mode.
            tmux.type("set mode t2v_1");
            tmux.keys("Tab");
            tmux.await("the completed mode", s -> s.contains("set mode t2v_1080p"), STEP);
            tmux.keys("Enter");
            tmux.await("the new prompt", s -> s.contains("jimeng t2v_1080p>"), STEP);
            tmux.type("set output-dir " + videos);
            tmux.keys("Enter");
            tmux.await("the setting", s -> s.contains("output-dir = " + videos), STEP);

            // Two generates return at once; the status line counts them while they run.
            tmux.type("\"a red fox in the snow\"");
            tmux.keys("Enter");
            assertThat(tmux.await("the first job", s -> ids(s).size() == 1, STEP))
                    .as("the built-in sandbox bills nothing, and says so")
                    .contains("sandbox, not billed");
            tmux.await("the status line", s -> bottomRow(s).matches("\\d+ (running|queued).*"), STEP);
            tmux.type("g \"a blue whale\" --seed 7");
            tmux.keys("Enter");
            List<String> ids = ids(tmux.await("the second job", s -> ids(s).size() == 2, STEP));

            // Keep typing while they run: both notices land above the prompt, the typed text stays.
            tmux.type("jo");
            String screen = tmux.await(
                    "both notices",
                    s -> s.contains("✔ " + ids.get(0) + " done") && s.contains("✔ " + ids.get(1) + " done"),
                    JOB);
            screen = tmux.await(
                    "the status line counting both", s -> bottomRow(s).equals("2 done"), STEP);
            int promptRow = lastRowStartingWith(screen, "jimeng t2v_1080p>");
            assertThat(rows(screen).get(promptRow)).isEqualTo("jimeng t2v_1080p> jo");
            assertThat(lastRowContaining(screen, "✔ " + ids.get(0))).isLessThan(promptRow);
            assertThat(lastRowContaining(screen, "✔ " + ids.get(1))).isLessThan(promptRow);
            assertThat(screen).contains("saved " + videos);
            tmux.type("bs");
            tmux.keys("Enter");
            tmux.await(
                    "jobs listing both done",
                    s -> rows(s).stream()
                                    .filter(r -> r.matches("\\w{8} .*done.*"))
                                    .count()
                            >= 2,
                    STEP);
            assertThat(mp4s(videos)).hasSize(2);

            // Ctrl-C clears a half-typed line...
            tmux.type("half typed");
            // the prompt row is empty before the typing is echoed too: wait for it first
            tmux.await(
                    "the half-typed line",
                    s -> rows(s).get(lastRowStartingWith(s, "jimeng t2v_1080p>"))
                            .equals("jimeng t2v_1080p> half typed"),
                    STEP);
            tmux.keys("C-c");
            tmux.await(
                    "an empty prompt",
                    s -> rows(s).get(lastRowStartingWith(s, "jimeng t2v_1080p>"))
                            .equals("jimeng t2v_1080p>"),
                    STEP);
            tmux.type("settings");
            tmux.keys("Enter");
            screen = tmux.await("the settings", s -> s.contains("poll-interval"), STEP);
            assertThat(screen).doesNotContain("unknown command");

            // ...and interrupts a foreground wait, never the job.
            tmux.type("\"a grey wolf\"");
            tmux.keys("Enter");
            String third = ids(tmux.await("the third job", s -> ids(s).size() == 3, STEP))
                    .get(2);
            tmux.type("wait " + third);
            tmux.keys("Enter");
            tmux.await("the wait running", s -> s.contains("waiting for " + third), STEP);
            tmux.keys("C-c");
            String asked = tmux.await(
                    "the interrupted wait, or the question about a job not sent yet",
                    s -> s.contains("interrupted (background jobs keep running")
                            || s.contains("not sent yet: cancel it?"),
                    STEP);
            if (!asked.contains("interrupted (background jobs keep running")) {
                // on a slow machine the job may still be queued here: keeping it is the default answer
                tmux.keys("Enter");
                tmux.await("the interrupted wait", s -> s.contains("interrupted (background jobs keep running"), STEP);
            }
            tmux.await("the third notice", s -> s.contains("✔ " + third + " done"), JOB);
            tmux.await("the status line counting three", s -> bottomRow(s).equals("3 done"), STEP);

            // Ctrl-R searches the history.
            tmux.keys("C-r");
            tmux.type("blue wh");
            tmux.await("the history search", s -> s.contains("g \"a blue whale\" --seed 7"), STEP);
            tmux.keys("C-c");

            // Lines carrying secrets run (and fail) but stay out of the history.
            tmux.type("show AKLTabcdefghij0123456789");
            tmux.keys("Enter");
            tmux.type("show " + FAKE_SECRET);
            tmux.keys("Enter");
            tmux.await("both refusals", s -> s.contains("no job '" + FAKE_SECRET + "'"), STEP);

            tmux.type("exit");
            tmux.keys("Enter");
            tmux.await("the exit", s -> s.contains("jimeng exited 0"), STEP);
        }
        String history = Files.readString(home.resolve("history"));
        assertThat(history).contains("set mode t2v_1080p", "g \"a blue whale\" --seed 7", "exit");
        assertThat(history).doesNotContain("AKLT", FAKE_SECRET);
        assertThat(mp4s(videos)).hasSize(3);
    }

    @Test
    void aDumbTerminalWarnsAndStillRunsCommands() throws Exception {
        try (Tmux tmux = jimeng(dir.resolve("home"), "dumb")) {
            tmux.await("the warning", s -> s.contains("TERM=dumb") && s.contains("jimeng t2v_720p>"), START);
            tmux.type("settings");
            tmux.keys("Enter");
            tmux.await("the settings", s -> s.contains("poll-interval"), STEP);
            tmux.type("exit");
            tmux.keys("Enter");
            tmux.await("the exit", s -> s.contains("jimeng exited 0"), STEP);
        }
    }

    /** Starts the packaged jar in tmux; the shell prints the exit code and stays for the last screen. */
    private static Tmux jimeng(Path home, String term) throws Exception {
        String jar = System.getProperty("jimeng.jar", "target/jimeng.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        // tmux sets TERM for its panes, so the command sets it; the trap keeps sh alive after a
        // Ctrl-C reached the whole foreground group (jimeng handles it), so sh can print the exit code.
        String command = "trap true INT; TERM=" + term + " '" + java + "' --enable-native-access=ALL-UNNAMED -jar '"
                + jar + "' --sandbox; echo \"jimeng exited $?\"; sleep 120";
        return new Tmux(
                120,
                40,
                Map.of("JIMENG_HOME", home.toString(), "TERM", term, "LANG", "C.UTF-8", "VOLC_SECRETKEY", FAKE_SECRET),
                "sh",
                "-c",
                command);
    }

    private static List<String> ids(String screen) {
        Matcher m = QUEUED.matcher(screen);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> rows(String screen) {
        return screen.lines().map(String::stripTrailing).toList();
    }

    /** The terminal's last row, where the status line lives (tmux prints every row of the pane). */
    private static String bottomRow(String screen) {
        List<String> rows = rows(screen);
        return rows.size() < 40 ? "" : rows.get(39).strip();
    }

    private static int lastRowStartingWith(String screen, String prefix) {
        List<String> rows = rows(screen);
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastRowContaining(String screen, String text) {
        List<String> rows = rows(screen);
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> mp4s(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
    }
}
