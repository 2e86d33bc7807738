package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell over a JLine dumb terminal (what TERM=dumb gives): keys are fed line by line
 * while the shell runs, its screen is read back.
 */
class DumbTerminalShellTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    ShellHarness shell;
    PipedOutputStream keys;
    CompletableFuture<Integer> exit;

    @BeforeEach
    void start() throws IOException {
        shell = new ShellHarness(dir);
        keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return shell.runOnDumbTerminal(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        keys.close();
        exit.get(30, TimeUnit.SECONDS);
        shell.close();
    }

    @Test
    void aDumbTerminalGetsAWarningAndPlainLineEditing() throws Exception {
        awaitScreen("the first prompt", s -> s.contains("jimeng t2v_720p> "));
        type("settings");

        String screen = awaitScreen("the settings", s -> s.contains("poll-interval"));
        assertThat(screen).contains("TERM=dumb", "no cursor control");
    }

    @Test
    void theFirstLineSaysWhatThisIsWhichAccountAndHowToGoOn() throws Exception {
        String screen = awaitScreen("the first prompt", s -> s.contains("jimeng t2v_720p> "));
        String key = shell.server.credentials().accessKeyId();

        assertThat(screen)
                .containsPattern(
                        "jimeng \\S+ shell · account " + java.util.regex.Pattern.quote(key.substring(0, 4) + "…")
                                + "\\S+ at http://127\\.0\\.0\\.1:\\d+, billed · type help or press TAB")
                .doesNotContain(key);
    }

    @Test
    void helpListsTheShellsOwnCommandsAndKeysNotTheCliUsage() throws Exception {
        awaitScreen("the first prompt", s -> s.contains("jimeng t2v_720p> "));
        type("help");

        String screen = awaitScreen("the help", s -> s.contains("Topics (help TOPIC):"));
        assertThat(screen).contains("set ", "settings ", "exit (quit)", "Keys:", "TAB", "Ctrl-R");
        assertThat(screen)
                .doesNotContain("Usage: jimeng", "--sandbox")
                .doesNotContainPattern("(?m)^  (completion|sandbox) ");
    }

    @Test
    void thePromptShowsTheModeAfterSetMode() throws Exception {
        awaitScreen("the first prompt", s -> s.contains("jimeng t2v_720p> "));
        type("set mode t2v_1080p");

        awaitScreen("the new prompt", s -> s.contains("jimeng t2v_1080p> "));
        type("unset mode");
        awaitScreen("the default mode again", s -> s.lastIndexOf("jimeng t2v_720p> ") > s.indexOf("t2v_1080p> "));
    }

    @Test
    void aQuotedLineStartsAJobAtOnceAndItsNoticeAppearsAtTheIdlePrompt() throws Exception {
        type("\"a red fox\"");
        String id = firstId(awaitScreen("the job id", s -> s.contains(" queued · ")));

        String screen = awaitScreen("the notice", s -> s.contains("✔ " + id + " done"));
        assertThat(screen).contains("5 s · \"a red fox\"", "saved " + shell.videos());
        type("jobs");
        awaitScreen("the job done in the list", s -> s.matches("(?s).*" + id + " .*done.*"));
    }

    @Test
    void endOfInputWhileJobsRunAsksAndSaysTheyResumeNextTime() throws Exception {
        type("g \"a slow whale\" --duration 10");
        awaitScreen("the job id", s -> s.contains(" queued · "));
        keys.close(); // Ctrl-D on a terminal: end of input

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(shell.out()).contains("still running; they resume the next time you start jimeng");
    }

    @Test
    void aLineWithASecretRunsButNeverReachesTheHistoryFile() throws Exception {
        String secret = shell.variables().get("VOLC_SECRETKEY");
        type("show AKLTabcdefgh12345678");
        type("show " + secret);
        type("set seed 42");
        type("exit");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();

        String history = Files.readString(shell.home.resolve("history"));
        assertThat(history).contains("set seed 42").doesNotContain("AKLT", secret);
        assertThat(shell.out()).contains("no job 'AKLTabcdefgh12345678'");
    }

    @Test
    void anErrorPrintsOneLineAndTheShellGoesOn() throws Exception {
        type("frobnicate");
        type("generate --duration 7 \"x\"");
        type("settings");

        String screen = awaitScreen("the settings", s -> s.contains("poll-interval"));
        assertThat(screen).contains("jimeng: unknown command 'frobnicate'", "jimeng: --duration 7 is not available");
        assertThat(screen).doesNotContain("Exception", "\tat ");
    }

    private void type(String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String awaitScreen(String what, Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.test(shell.out())) {
            if (Instant.now().isAfter(deadline) || exit.isDone()) {
                throw new AssertionError(
                        "no " + what + " on the screen:\n" + shell.out() + "\nstderr:\n" + shell.err());
            }
            Thread.sleep(20); // polling a condition, not a timing assumption
        }
        return shell.out();
    }

    private static String firstId(String screen) {
        Matcher m = Pattern.compile("(\\w{8}) queued · ").matcher(screen);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
