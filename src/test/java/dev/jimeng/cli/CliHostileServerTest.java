package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that answers hostile data: task ids that try to leave the output folder, video URLs
 * whose signed query must never be printed or journaled, malformed or not.
 */
@Timeout(60)
class CliHostileServerTest {
    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../escaped",
                "../../../../../../../../../../tmp/jimeng-escaped",
                "ABSOLUTE",
                "a\\..\\..\\b",
                "nul\u0000byte",
                "two\nlines\r",
                "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred",
                "LONG"
            })
    void aTaskIdFromTheServerNamesOneFileInsideTheOutputFolder(String hostile) throws Exception {
        Path cwd = Files.createDirectories(root.resolve("work/cwd"));
        Path home = Files.createDirectories(root.resolve("home"));
        String id =
                switch (hostile) {
                    case "ABSOLUTE" -> root.resolve("abs/dir/evil").toString();
                    case "LONG" -> "7".repeat(500);
                    default -> hostile;
                };
        sandbox.server().faults().nextTaskId(id);

        CliRun run = CliHarness.against(sandbox.server(), cwd, home).run("generate", "--yes", "a cat", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path out = cwd.resolve("generated_videos");
        List<Path> videos;
        try (Stream<Path> files = Files.list(out)) {
            videos = files.filter(f -> !f.getFileName().toString().endsWith(".mp4.json"))
                    .toList();
        }
        assertThat(videos).hasSize(1);
        String name = videos.getFirst().getFileName().toString();
        assertThat(out.resolve(name + ".json"))
                .as("its metadata sidecar, named after it")
                .exists();
        assertThat(name).matches("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}-a-cat\\.mp4");
        assertThat(run.stdout()).contains(videos.getFirst().toString());
        // nothing was written, and no folder made, anywhere else
        assertThat(root.resolve("abs")).doesNotExist();
        assertThat(Path.of("/tmp/jimeng-escaped.mp4")).doesNotExist();
        try (Stream<Path> all = Files.walk(root.resolve("work"))) {
            assertThat(all.filter(Files::isRegularFile))
                    .containsExactlyInAnyOrder(videos.getFirst(), out.resolve(name + ".json"));
        }
        try (Stream<Path> all = Files.list(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("work", "home");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://ho st/v.mp4?X-Tos-Signature=SECRET1&token=SECRET2",
                "https://host/v.mp4?token=SECRET3%zz&X-Tos-Signature=SECRET4",
                "https://user:SECRET5@ho st/v.mp4#SECRET6",
                "ftp://host/v.mp4?X-Tos-Credential=SECRET7",
                "not a url ?token=SECRET8 at all"
            })
    void aMalformedVideoUrlKeepsItsTokensOutOfEveryMessageAndTheJournal(String videoUrl) throws Exception {
        Path cwd = Files.createDirectories(root.resolve("cwd"));
        Path home = Files.createDirectories(root.resolve("home"));
        sandbox.server().faults().nextVideoUrl(videoUrl);

        CliRun run = CliHarness.against(sandbox.server(), cwd, home).run("generate", "--yes", "a cat");
        CliRun json = CliHarness.against(sandbox.server(), cwd, home).run("jobs", "--json");
        CliRun show = CliHarness.against(sandbox.server(), cwd, home).run("jobs");

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.stderr()).contains("video URL").contains("<redacted>");
        assertNoSecret(run, json, show);
    }

    @Test
    void aSignedUrlThatKeepsFailingIsNamedWithoutItsQuery() throws Exception {
        Path cwd = Files.createDirectories(root.resolve("cwd"));
        Path home = Files.createDirectories(root.resolve("home"));
        String gone = sandbox.server().baseUrl() + "/gone/v.mp4?X-Tos-Signature=SECRET1&token=SECRET2";
        for (int i = 0; i < 10; i++) {
            sandbox.server().faults().nextVideoUrl(gone);
            CliRun run = CliHarness.against(sandbox.server(), cwd, home).run("generate", "--yes", "a cat");
            if (run.exitCode() != 0) {
                assertThat(run.stderr()).contains("/gone/v.mp4");
                assertNoSecret(
                        run, CliHarness.against(sandbox.server(), cwd, home).run("jobs", "--json"));
                return;
            }
            // the fault lasts one answer: the fresh link worked; nothing secret leaked on the way either
            assertNoSecret(run);
        }
    }

    private void assertNoSecret(CliRun... runs) {
        List<String> all = new ArrayList<>();
        for (CliRun run : runs) {
            all.add(run.stdout());
            all.add(run.stderr());
        }
        all.addAll(filesUnder(root.resolve("home")));
        for (String text : all) {
            assertThat(text).doesNotContain("SECRET");
        }
    }

    /** Every file under a folder (the journal, its WAL), read as Latin-1 text. */
    private static List<String> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
