package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jimeng finds the user's home in {@code HOME}, as the shell that expands {@code ~} does: Java's
 * {@code user.home} comes from the password database and ignores it, so {@code HOME=/tmp/x jimeng}
 * (a container, a CI job, sudo) used another user's config and journal.
 */
class HomeIT {
    @Test
    void theConfigAndTheJournalAreUnderHome(@TempDir Path home) throws Exception {
        Path work = home.resolve("work");

        JimengProcess config = JimengProcess.start(work, Map.of("HOME", home.toString()), "config", "path");
        JimengProcess state = JimengProcess.start(work, Map.of("HOME", home.toString()), "--sandbox", "jobs", "--json");

        assertThat(config.awaitExit(Duration.ofMinutes(1)))
                .as(config.describe())
                .isZero();
        assertThat(config.stdout().strip())
                .isEqualTo(home.resolve(".config/jimeng/config.toml").toString());
        assertThat(state.awaitExit(Duration.ofMinutes(1))).as(state.describe()).isZero();
        assertThat(home.resolve(".local/state/jimeng/sandbox/jobs.db")).isRegularFile();
    }
}
