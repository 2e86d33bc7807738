package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.e2e.SandboxLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asking for the same video twice within 24 hours asks first, naming the earlier job; --yes skips. */
class CliDuplicateGuardTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @BeforeEach
    void generateOnce() {
        assertThat(sandbox.jimeng().run("generate", "a red fox", "--seed", "-1").exitCode())
                .isZero();
    }

    @Test
    void theSameVideoAgainIsRefusedWithoutTheUsersWordAndARandomSeedIsNoDifference() {
        CliRun again = sandbox.jimeng().run("submit", "a red fox", "--seed", "-1");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.onlyErrorLine())
                .matches(
                        "jimeng: job \\w{8} \\(done, \\d+s ago\\) asked for the same video; nothing was sent .*--yes.*");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(1);
    }

    @Test
    void aYesAtTheTerminalOrYesOnTheLineSendsItAgain() {
        assertThat(sandbox.jimeng().typing("y\n").run("generate", "a red fox").exitCode())
                .isZero();
        assertThat(sandbox.jimeng()
                        .typing("")
                        .run("generate", "a red fox", "--yes")
                        .exitCode())
                .isZero();

        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(3);
    }

    @Test
    void anotherDurationModeRatioOrFixedSeedIsADifferentVideo() {
        assertThat(sandbox.jimeng()
                        .run("generate", "a red fox", "--duration", "10")
                        .exitCode())
                .isZero();
        assertThat(sandbox.jimeng()
                        .run("generate", "a red fox", "--aspect-ratio", "9:16")
                        .exitCode())
                .isZero();
        assertThat(sandbox.jimeng().run("generate", "a red fox", "--seed", "7").exitCode())
                .isZero();
        assertThat(sandbox.jimeng().run("generate", "a red fox", "--seed", "8").exitCode())
                .isZero();

        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(5);
    }
}
