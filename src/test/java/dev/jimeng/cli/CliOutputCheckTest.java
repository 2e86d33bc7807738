package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output destination is checked before the submit: a place jimeng cannot save to is one line
 * (the problem and the fix), exit 2, and not a single request at the server, so nothing is billed
 * for a video that would have nowhere to go.
 */
class CliOutputCheckTest {
    @TempDir
    Path cwd;

    @TempDir
    Path home;

    private SandboxServer server;
    private ReadOnlyFolders readOnly;

    @BeforeEach
    void startSandbox() {
        server = CliSandbox.start();
        readOnly = new ReadOnlyFolders();
    }

    @AfterEach
    void stopSandbox() {
        readOnly.close();
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.against(server, cwd, home);
    }

    private void assertRefusedBeforeAnythingWasSent(CliRun run, String... words) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).startsWith("jimeng: ").contains(words);
        assertThat(server.requests()).as("requests received").isEmpty();
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedByGenerateSubmitAndBatch() throws Exception {
        Path ro = readOnly.make(cwd.resolve("ro"));
        Files.writeString(cwd.resolve("jobs.txt"), "a red fox\na blue whale\n");

        assertRefusedBeforeAnythingWasSent(cli().run("generate", "a cat", "--output", "ro"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(cli().run("submit", "a cat", "--output", "ro/"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                cli().run("batch", "jobs.txt", "--yes", "--output-dir", "ro"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                cli().with("JIMENG_OUTPUT_DIR", ro.toString()).run("generate", "a cat"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                cli().with("JIMENG_OUTPUT_DIR", ro.toString()).run("batch", "jobs.txt", "--yes"),
                ro.toString(),
                "writ");
        assertRefusedBeforeAnythingWasSent(
                cli().run("generate", "a cat", "--output", "ro/clip.mp4"), ro.toString(), "writ");
    }

    @Test
    void aDanglingSymlinkAtOutputIsRefused() throws Exception {
        Files.createSymbolicLink(cwd.resolve("clip.mp4"), cwd.resolve("gone/clip.mp4"));

        assertRefusedBeforeAnythingWasSent(cli().run("generate", "a cat", "--output", "clip.mp4"), "clip.mp4", "link");
        assertRefusedBeforeAnythingWasSent(cli().run("submit", "a cat", "--output", "clip.mp4"), "clip.mp4", "link");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefused() {
        assertRefusedBeforeAnythingWasSent(
                cli().with("JIMENG_OUTPUT_DIR", "/proc/nope").run("generate", "a cat"), "/proc/nope");
        assertRefusedBeforeAnythingWasSent(cli().run("generate", "a cat", "--output", "/proc/nope/"), "/proc/nope");
        assertRefusedBeforeAnythingWasSent(
                cli().run("generate", "a cat", "--output", "/proc/nope/clip.mp4"), "/proc/nope");
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsRefused() throws Exception {
        Files.writeString(cwd.resolve("notes"), "not a folder");

        assertRefusedBeforeAnythingWasSent(
                cli().with("JIMENG_OUTPUT_DIR", "notes").run("generate", "a cat"), "notes", "not a folder");
        assertRefusedBeforeAnythingWasSent(
                cli().run("generate", "a cat", "--output", "notes/clip.mp4"), "notes", "not a folder");
    }

    @Test
    void aFolderNamedLikeAVideoFileIsRefused() throws Exception {
        Files.createDirectories(cwd.resolve("clip.mp4"));

        assertRefusedBeforeAnythingWasSent(
                cli().run("generate", "a cat", "--output", "clip.mp4"), "clip.mp4", "folder");
    }

    @Test
    void downloadChecksItsDestinationBeforeAskingForTheVideo() throws Exception {
        CliRun made = cli().run("generate", "a cat", "--json");
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        String id = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(made.stdout())
                .path("job_id")
                .asText();
        int before = server.requests().size();
        Files.createSymbolicLink(cwd.resolve("again.mp4"), cwd.resolve("gone/again.mp4"));
        Path ro = readOnly.make(cwd.resolve("ro"));

        for (List<String> args :
                List.of(List.of("download", id, "--output", "again.mp4"), List.of("download", id, "--output", "ro/"))) {
            CliRun run = cli().run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.onlyErrorLine()).startsWith("jimeng: ");
        }
        assertThat(server.requests()).hasSize(before);
        assertThat(ro).isEmptyDirectory();
    }
}
