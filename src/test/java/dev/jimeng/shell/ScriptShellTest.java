package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jimeng < script.txt}: the shell's commands line by line, plain output, jobs awaited. */
class ScriptShellTest {
    private static final Pattern QUEUED = Pattern.compile("(?m)^(\\w{8}) queued · ");

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
    void aPipedScriptDoesNotEchoItsLinesBack() {
        int code = shell.runScript("settings\n");

        assertThat(code).isZero();
        assertThat(shell.out()).startsWith("mode ").doesNotContain("settings\n");
        assertThat(shell.out().lines().filter(l -> l.startsWith("mode ")).toList())
                .singleElement()
                .asString()
                .contains("t2v_720p", "default");
    }

    @Test
    void aScriptWaitsForItsJobsAndPrintsEachNoticeAsPlainLines() throws IOException {
        int code = shell.runScript("\"a red fox\"\ng \"a blue whale\" --duration 10\n");

        assertThat(code).as(shell.err()).isZero();
        String out = shell.out();
        List<String> ids = ids(out);
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(out).contains("✔ " + id + " done");
        }
        assertThat(out).contains("10 s · \"a blue whale\"", "5 s · \"a red fox\"");
        assertThat(out).doesNotContain("\033", "\r");
        assertThat(videos()).hasSize(2);
    }

    @Test
    void sessionSettingsApplyToGenerateUntilTheLineSaysOtherwise() {
        shell.runScript("set duration 10\nset mode t2v_1080p\n\"first\"\n\"second\" --duration 5\n");

        assertThat(shell.out())
                .contains("duration = 10", "mode = t2v_1080p")
                .contains("t2v_1080p · 10 s · \"first\"")
                .contains("t2v_1080p · 5 s · \"second\"");
    }

    @Test
    void setSaveWritesTheConfigFileForTheNextSession() throws IOException {
        shell.runScript("set fps 24\nset duration 10 --save\n");
        Path config = shell.home.resolve("config.toml");
        assertThat(config).exists();
        assertThat(Files.readString(config)).isEqualTo("duration = 10\n");

        shell.out.reset();
        shell.runScript("settings\n");
        assertThat(shell.out().lines().filter(l -> l.startsWith("duration ")))
                .singleElement()
                .asString()
                .contains("10", "config");
    }

    @Test
    void anErrorPrintsOneLineAndTheScriptGoesOn() {
        int code = shell.runScript("bogus\nset duration 7\n\"unclosed\nsettings\n");

        assertThat(shell.err().lines().toList())
                .hasSize(3)
                .anySatisfy(l -> assertThat(l).isEqualTo("jimeng: unknown command 'bogus'; 'help' lists the commands"))
                .anySatisfy(l -> assertThat(l).startsWith("jimeng: ").contains("duration"))
                .anySatisfy(l -> assertThat(l).contains("close the quote"));
        assertThat(shell.out()).contains("poll-interval");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void aMistypedCommandGetsTheClosestOneSuggested() {
        int code = shell.runScript("stauts\nsetings\nsandbx\nfrobnicate\n");

        assertThat(shell.err().lines().toList())
                .containsExactly(
                        "jimeng: unknown command 'stauts'; did you mean 'status'? ('help' lists the commands)",
                        "jimeng: unknown command 'setings'; did you mean 'settings'? ('help' lists the commands)",
                        "jimeng: unknown command 'sandbx'; 'help' lists the commands",
                        "jimeng: unknown command 'frobnicate'; 'help' lists the commands");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void wordsThatAreNoCommandAreShownQuotedAsThePromptTheyLookLike() {
        int code = shell.runScript("a lighthouse in a storm --duration 10 -o \"my videos\"\njbos done\n");

        assertThat(shell.err().lines().toList())
                .containsExactly(
                        "jimeng: unknown command 'a'; for a video of that text, quote the prompt:"
                                + " \"a lighthouse in a storm\" --duration 10 -o \"my videos\"",
                        "jimeng: unknown command 'jbos'; did you mean 'jobs'? or, for a video of that text, quote the"
                                + " prompt: \"jbos done\"");
        assertThat(shell.server.submitCount()).isZero();
        assertThat(code).isEqualTo(2);
    }

    @Test
    void sandboxInTheShellIsRefusedInsteadOfStartingASecondServer() {
        int code = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> shell.runScript("sandbox\njimeng sandbox --port 0\nsettings\n"));

        assertThat(shell.err().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l)
                .isEqualTo("jimeng: the shell does not start a sandbox server; run 'jimeng sandbox'"
                        + " in another terminal"));
        // no server's address besides the api-url setting's (the harness's sandbox)
        assertThat(shell.out().lines().filter(l -> !l.startsWith("api-url "))).noneMatch(l -> l.contains("127.0.0.1"));
        assertThat(shell.out()).contains("poll-interval");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void exitEndsTheScriptButItsJobsStillFinish() throws IOException {
        shell.runScript("\"before exit\"\nexit\nsettings\n");

        assertThat(shell.out())
                .contains("done · t2v_720p · 5 s · \"before exit\"")
                .doesNotContain("poll-interval");
        assertThat(videos()).hasSize(1);
    }

    @Test
    void helpShowsTheSameHelpAsTheCommandLine() {
        shell.runScript("help generate\n");

        assertThat(shell.out()).contains("Usage: jimeng generate", "--duration");
    }

    @Test
    void aScriptAnswersNoToConfirmationsInsteadOfReadingItsOwnLines() throws IOException {
        Path batch = shell.cwd.resolve("prompts.txt");
        Files.writeString(batch, "a cat\n");

        int code = shell.runScript("batch prompts.txt\nsettings\n");

        assertThat(shell.err()).contains("nothing submitted");
        assertThat(shell.out()).contains("poll-interval");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void withoutCredentialsTheShellStillRunsAndEachApiCommandSaysWhy() {
        int code = shell.withoutCredentials().runScript("settings\n\"a cat\"\n");

        assertThat(shell.out()).contains("poll-interval");
        assertThat(shell.err().lines().toList())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("jimeng: ").contains("VOLC_ACCESSKEY"));
        assertThat(code).isNotZero();
    }

    @Test
    void verboseGivenWhenTheShellStartsHoldsForEveryLine() {
        shell.runScript("show nope\nshow nope\n", "--verbose");

        assertThat(shell.err().lines().filter(l -> l.startsWith("jimeng: no job 'nope'")))
                .hasSize(2);
        assertThat(shell.err().lines().filter(l -> l.startsWith("dev.jimeng.app.UserError: no job 'nope'")))
                .as("a stack trace after each of the two failures, not only the first")
                .hasSize(2);
    }

    private List<Path> videos() throws IOException {
        try (Stream<Path> files = Files.list(shell.videos())) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
    }

    private static List<String> ids(String out) {
        Matcher m = QUEUED.matcher(out);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
