package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that answers hostile data: task ids that try to leave the output folder.
 */
@Timeout(60)
class CliHostileServerTest {
    private static SandboxServer server;

    @TempDir
    Path root;

    @BeforeAll
    static void startSandbox() {
        server = CliSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

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
        server.faults().nextTaskId(id);

        CliRun run = CliHarness.against(server, cwd, home).run("generate", "--yes", "a cat", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path out = cwd.resolve("generated_videos");
        List<Path> videos;
        try (Stream<Path> files = Files.list(out)) {
            videos = files.toList();
        }
        assertThat(videos).hasSize(1);
        String name = videos.getFirst().getFileName().toString();
        assertThat(name).matches("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}-a-cat\\.mp4");
        assertThat(run.stdout()).contains(videos.getFirst().toString());
        // nothing was written, and no folder made, anywhere else
        assertThat(root.resolve("abs")).doesNotExist();
        assertThat(Path.of("/tmp/jimeng-escaped.mp4")).doesNotExist();
        try (Stream<Path> all = Files.walk(root.resolve("work"))) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(videos.getFirst());
        }
        try (Stream<Path> all = Files.list(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("work", "home");
        }
    }
}
