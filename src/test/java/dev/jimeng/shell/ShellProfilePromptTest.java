package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's prompt names the profile when it is not the default one. */
class ShellProfilePromptTest {
    @TempDir
    Path dir;

    /** A config.toml with a profile "work" (concurrency 1) beside the default one. */
    private static void withWorkProfile(ShellHarness shell) throws java.io.IOException {
        Files.createDirectories(shell.home);
        Files.writeString(shell.home.resolve("config.toml"), "[profile.work]\nconcurrency = 1\n");
    }

    @Test
    void thePromptShowsAProfileOtherThanTheDefault() throws Exception {
        try (ShellHarness shell = new ShellHarness(dir)) {
            withWorkProfile(shell);
            shell.with("JIMENG_PROFILE", "work");

            int code = shell.runOnDumbTerminal(
                    new ByteArrayInputStream("settings\nexit\n".getBytes(StandardCharsets.UTF_8)));

            assertThat(code).as(shell.err()).isZero();
            assertThat(shell.out()).contains("jimeng work t2v_720p> ");
            assertThat(shell.out()).containsPattern("concurrency +1 +config file ");
        }
    }

    @Test
    void theDefaultProfileIsNotShown() throws Exception {
        try (ShellHarness shell = new ShellHarness(dir)) {
            int code = shell.runOnDumbTerminal(new ByteArrayInputStream("exit\n".getBytes(StandardCharsets.UTF_8)));

            assertThat(code).as(shell.err()).isZero();
            assertThat(shell.out()).contains("jimeng t2v_720p> ").doesNotContain("default");
        }
    }

    @Test
    void aLineCannotSwapTheShellsProfileOrLogInInsideIt() throws Exception {
        try (ShellHarness shell = new ShellHarness(dir)) {
            withWorkProfile(shell);

            shell.runScript("jobs --profile work\njobs --setting concurrency=3\nlogin\njobs --profile default\n");

            assertThat(shell.err().lines().toList())
                    .containsExactly(
                            "jimeng: this shell uses profile default; start 'jimeng --profile work' for another",
                            "jimeng: --setting is for one-shot commands; in the shell use 'set KEY VALUE'",
                            "jimeng: log in outside the shell: run 'jimeng login' at the terminal's own prompt");
        }
    }

    @Test
    void aCommandPastedFromAnotherProfilesHintSaysWhichProfileToStart() throws Exception {
        try (ShellHarness shell = new ShellHarness(dir)) {
            withWorkProfile(shell);
            shell.with("JIMENG_PROFILE", "work");

            // hints print "jimeng --profile NAME …" when a bare jimeng would pick another profile
            shell.runScript("jimeng --profile work jobs\njimeng --profile default jobs\n");

            assertThat(shell.err().lines().toList())
                    .containsExactly(
                            "jimeng: this shell uses profile work; start 'jimeng --profile default' for another");
        }
    }
}
