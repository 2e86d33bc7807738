package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jimeng prune}: forgets old finished jobs after asking, keeps their videos, compacts on request. */
class CliPruneTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @Test
    void forgetsFinishedJobsOnlyWhenConfirmedAndKeepsTheirVideos() throws Exception {
        assertThat(sandbox.jimeng().run("generate", "a red fox").exitCode()).isZero();
        assertThat(sandbox.jimeng().run("generate", "a grey wolf").exitCode()).isZero();
        List<Path> videos = videos();
        assertThat(videos).hasSize(2);
        String tomorrow = LocalDate.now().plusDays(1).toString();

        CliRun nothing = sandbox.jimeng()
                .run("prune", "--before", LocalDate.now().minusDays(1).toString());
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.stdout()).contains("no finished jobs created before");

        CliRun unasked = sandbox.jimeng().run("prune", "--before", tomorrow);
        assertThat(unasked.exitCode()).isNotZero();
        assertThat(unasked.stderr()).contains("nothing pruned; add --yes");
        assertThat(sandbox.jimeng().run("jobs").stdout()).contains("a red fox");

        CliRun pruned = sandbox.jimeng().run("prune", "--before", tomorrow, "--yes", "--vacuum");
        assertThat(pruned.exitCode()).as(pruned.stderr()).isZero();
        assertThat(pruned.stdout()).contains("forgot 2 finished jobs", "journal compacted");
        assertThat(sandbox.jimeng().run("jobs").stdout())
                .contains("no jobs yet")
                .doesNotContain("a grey wolf");
        assertThat(videos).allSatisfy(v -> assertThat(v).isRegularFile());
    }

    @Test
    void aBadDayOrNoActionIsAOneLineErrorNamingTheFix() {
        CliRun badDay = sandbox.jimeng().run("prune", "--before", "last\u001b[2Jyear");
        assertThat(badDay.exitCode()).isNotZero();
        assertThat(badDay.stderr())
                .contains("--before wants a day as YYYY-MM-DD")
                .doesNotContain("\u001b");

        CliRun neither = sandbox.jimeng().run("prune");
        assertThat(neither.exitCode()).isNotZero();
        assertThat(neither.stderr()).contains("--before YYYY-MM-DD").contains("--vacuum");
    }

    private List<Path> videos() throws Exception {
        try (Stream<Path> files = Files.walk(sandbox.cwd())) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
    }
}
