package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jimeng prune}: forgets old finished jobs after asking, keeps their videos, compacts on request. */
class CliPruneTest {
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
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void forgetsFinishedJobsOnlyWhenConfirmedAndKeepsTheirVideos() throws Exception {
        assertThat(jimeng.run("generate", "a red fox").exitCode()).isZero();
        assertThat(jimeng.run("generate", "a grey wolf").exitCode()).isZero();
        List<Path> videos = videos();
        assertThat(videos).hasSize(2);
        String tomorrow = LocalDate.now().plusDays(1).toString();

        CliRun nothing =
                jimeng.run("prune", "--before", LocalDate.now().minusDays(1).toString());
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.stdout()).contains("no finished jobs created before");

        CliRun unasked = jimeng.run("prune", "--before", tomorrow);
        assertThat(unasked.exitCode()).isNotZero();
        assertThat(unasked.stderr()).contains("nothing pruned; add --yes");
        assertThat(jimeng.run("jobs").stdout()).contains("a red fox");

        CliRun pruned = jimeng.run("prune", "--before", tomorrow, "--yes", "--vacuum");
        assertThat(pruned.exitCode()).as(pruned.stderr()).isZero();
        assertThat(pruned.stdout()).contains("forgot 2 finished jobs", "journal compacted");
        assertThat(jimeng.run("jobs").stdout()).contains("no jobs yet").doesNotContain("a grey wolf");
        assertThat(videos).allSatisfy(v -> assertThat(v).isRegularFile());
    }

    @Test
    void aBadDayOrNoActionIsAOneLineErrorNamingTheFix() {
        CliRun badDay = jimeng.run("prune", "--before", "last\u001b[2Jyear");
        assertThat(badDay.exitCode()).isNotZero();
        assertThat(badDay.stderr())
                .contains("--before wants a day as YYYY-MM-DD")
                .doesNotContain("\u001b");

        CliRun neither = jimeng.run("prune");
        assertThat(neither.exitCode()).isNotZero();
        assertThat(neither.stderr()).contains("--before YYYY-MM-DD").contains("--vacuum");
    }

    private List<Path> videos() throws Exception {
        try (Stream<Path> files = Files.walk(cwd)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
    }
}
