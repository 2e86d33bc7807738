package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bad value in the config file or the environment stops every command with the place (file or
 * variable), the key, the value and the valid values: it never quietly falls back to a default and
 * makes (and bills) a different video than the one configured.
 */
class CliBadSettingsTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @Test
    void aBadValueInTheConfigFileIsAnErrorNamingFileKeyValueAndTheValidValues() throws Exception {
        Path config = sandbox.home().resolve("config.toml");
        Files.writeString(config, "duration = \"10s\"\n");

        for (String[] args : new String[][] {{"generate", "a cat"}, {"submit", "a cat"}, {"jobs"}}) {
            CliRun run = sandbox.cli().run(args);

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.onlyErrorLine()).contains(config.toString(), "duration", "10s", "5, 10");
        }
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void aBadValueInTheEnvironmentIsAnErrorNamingVariableKeyValueAndTheValidValues() {
        CliRun run = sandbox.cli().with("JIMENG_CONCURRENCY", "zero").run("generate", "a cat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("JIMENG_CONCURRENCY", "concurrency", "zero", "1 to 10");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void everyBadValueIsReportedAtOnce() throws Exception {
        Files.writeString(sandbox.home().resolve("config.toml"), "duration = \"10s\"\nmode = \"t2v_4k\"\n");

        CliRun run = sandbox.cli().with("JIMENG_CONCURRENCY", "zero").run("generate", "a cat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("jimeng: "))
                .anySatisfy(l -> assertThat(l).contains("10s"))
                .anySatisfy(l -> assertThat(l).contains("t2v_4k"))
                .anySatisfy(l -> assertThat(l).contains("zero"));
        assertThat(sandbox.server().requests()).isEmpty();
    }
}
