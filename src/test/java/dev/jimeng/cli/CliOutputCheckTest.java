package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The output destination is checked before the submit: a place jimeng cannot save to is one line
 * (the problem and the fix), exit 2, and not a single request at the server, so nothing is billed
 * for a video that would have nowhere to go.
 */
class CliOutputCheckTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    private final ReadOnlyFolders readOnly = new ReadOnlyFolders();

    /** Lets the folders be written again, so they can be deleted. */
    @AfterEach
    void undoReadOnly() {
        readOnly.close();
    }

    private void assertRefusedBeforeAnythingWasSent(CliRun run, String... words) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).startsWith("jimeng: ").contains(words);
        assertThat(sandbox.server().requests()).as("requests received").isEmpty();
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedByGenerateSubmitAndBatch() throws Exception {
        Path ro = readOnly.make(sandbox.cwd().resolve("ro"));
        Files.writeString(sandbox.cwd().resolve("jobs.txt"), "a red fox\na blue whale\n");

        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "ro"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("submit", "a cat", "--output", "ro/"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("batch", "jobs.txt", "--yes", "--output-dir", "ro"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().with("JIMENG_OUTPUT_DIR", ro.toString()).run("generate", "a cat"), ro.toString(), "writ");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().with("JIMENG_OUTPUT_DIR", ro.toString()).run("batch", "jobs.txt", "--yes"),
                ro.toString(),
                "writ");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "ro/clip.mp4"), ro.toString(), "writ");
    }

    @Test
    void aDanglingSymlinkAtOutputIsRefused() throws Exception {
        Files.createSymbolicLink(
                sandbox.cwd().resolve("clip.mp4"), sandbox.cwd().resolve("gone/clip.mp4"));

        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "clip.mp4"), "clip.mp4", "link");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("submit", "a cat", "--output", "clip.mp4"), "clip.mp4", "link");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefused() {
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().with("JIMENG_OUTPUT_DIR", "/proc/nope").run("generate", "a cat"), "/proc/nope");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "/proc/nope/"), "/proc/nope");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "/proc/nope/clip.mp4"), "/proc/nope");
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsRefused() throws Exception {
        Files.writeString(sandbox.cwd().resolve("notes"), "not a folder");

        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().with("JIMENG_OUTPUT_DIR", "notes").run("generate", "a cat"), "notes", "not a folder");
        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "notes/clip.mp4"), "notes", "not a folder");
    }

    @Test
    void aFolderNamedLikeAVideoFileIsRefused() throws Exception {
        Files.createDirectories(sandbox.cwd().resolve("clip.mp4"));

        assertRefusedBeforeAnythingWasSent(
                sandbox.cli().run("generate", "a cat", "--output", "clip.mp4"), "clip.mp4", "folder");
    }

    @Test
    void downloadChecksItsDestinationBeforeAskingForTheVideo() throws Exception {
        CliRun made = sandbox.cli().run("generate", "a cat", "--json");
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        String id = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(made.stdout())
                .path("job_id")
                .asText();
        int before = sandbox.server().requests().size();
        Files.createSymbolicLink(
                sandbox.cwd().resolve("again.mp4"), sandbox.cwd().resolve("gone/again.mp4"));
        Path ro = readOnly.make(sandbox.cwd().resolve("ro"));

        for (List<String> args :
                List.of(List.of("download", id, "--output", "again.mp4"), List.of("download", id, "--output", "ro/"))) {
            CliRun run = sandbox.cli().run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.onlyErrorLine()).startsWith("jimeng: ");
        }
        assertThat(sandbox.server().requests()).hasSize(before);
        assertThat(ro).isEmptyDirectory();
    }
}
