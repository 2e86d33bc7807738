package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad value in the config file or the environment stops every command with the place (file or
 * variable), the key, the value and the valid values: it never quietly falls back to a default and
 * makes (and bills) a different video than the one configured.
 */
class CliBadSettingsTest {
    @TempDir
    Path cwd;

    @TempDir
    Path home;

    private SandboxServer server;

    @BeforeEach
    void startSandbox() {
        server = CliSandbox.start();
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.against(server, cwd, home);
    }

    @Test
    void aBadValueInTheConfigFileIsAnErrorNamingFileKeyValueAndTheValidValues() throws Exception {
        Path config = home.resolve("config.toml");
        Files.writeString(config, "duration = \"10s\"\n");

        for (String[] args : new String[][] {{"generate", "a cat"}, {"submit", "a cat"}, {"jobs"}}) {
            CliRun run = cli().run(args);

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.onlyErrorLine()).contains(config.toString(), "duration", "10s", "5, 10");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aBadValueInTheEnvironmentIsAnErrorNamingVariableKeyValueAndTheValidValues() {
        CliRun run = cli().with("JIMENG_CONCURRENCY", "zero").run("generate", "a cat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("JIMENG_CONCURRENCY", "concurrency", "zero", "1 to 10");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void everyBadValueIsReportedAtOnce() throws Exception {
        Files.writeString(home.resolve("config.toml"), "duration = \"10s\"\nmode = \"t2v_4k\"\n");

        CliRun run = cli().with("JIMENG_CONCURRENCY", "zero").run("generate", "a cat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("jimeng: "))
                .anySatisfy(l -> assertThat(l).contains("10s"))
                .anySatisfy(l -> assertThat(l).contains("t2v_4k"))
                .anySatisfy(l -> assertThat(l).contains("zero"));
        assertThat(server.requests()).isEmpty();
    }
}
