package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking for the same video twice within 24 hours asks first, naming the earlier job; --yes skips. */
class CliDuplicateGuardTest {
    private SandboxServer server;
    private CliHarness jimeng;

    @TempDir
    Path cwd;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        server = CliSandbox.start();
        jimeng = CliHarness.against(server, cwd, home);
        assertThat(jimeng.run("generate", "a red fox", "--seed", "-1").exitCode())
                .isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSameVideoAgainIsRefusedWithoutTheUsersWordAndARandomSeedIsNoDifference() {
        CliRun again = jimeng.run("submit", "a red fox", "--seed", "-1");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.onlyErrorLine())
                .matches(
                        "jimeng: job \\w{8} \\(done, \\d+s ago\\) asked for the same video; nothing was sent .*--yes.*");
        assertThat(SandboxLog.acceptedSubmits(server)).isEqualTo(1);
    }

    @Test
    void aYesAtTheTerminalOrYesOnTheLineSendsItAgain() {
        assertThat(jimeng.typing("y\n").run("generate", "a red fox").exitCode()).isZero();
        assertThat(jimeng.typing("").run("generate", "a red fox", "--yes").exitCode())
                .isZero();

        assertThat(SandboxLog.acceptedSubmits(server)).isEqualTo(3);
    }

    @Test
    void anotherDurationModeRatioOrFixedSeedIsADifferentVideo() {
        assertThat(jimeng.run("generate", "a red fox", "--duration", "10").exitCode())
                .isZero();
        assertThat(jimeng.run("generate", "a red fox", "--aspect-ratio", "9:16").exitCode())
                .isZero();
        assertThat(jimeng.run("generate", "a red fox", "--seed", "7").exitCode())
                .isZero();
        assertThat(jimeng.run("generate", "a red fox", "--seed", "8").exitCode())
                .isZero();

        assertThat(SandboxLog.acceptedSubmits(server)).isEqualTo(5);
    }
}
