package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FILE arguments as a user types them, in the jimeng shell too (which does not expand {@code ~}, as
 * a system shell would, and whose completion offers {@code ~/…}): {@code ~} is the home folder, and
 * a file that is not there, or is a folder, is told so.
 */
class CliTypedPathsTest {
    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    /** The user's home folder as the harness gives it to jimeng. */
    private static Path userHome() throws java.io.IOException {
        return Files.createDirectories(sandbox.home().resolve("user-home"));
    }

    @Test
    void aBatchFileUnderTheHomeFolderIsFoundByTilde() throws Exception {
        Files.writeString(userHome().resolve("prompts.txt"), "a boat at dawn\n");

        CliRun run = sandbox.jimeng().run("batch", "~/prompts.txt", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("a boat at dawn");
    }

    @Test
    void aStoryboardUnderTheHomeFolderIsFoundByTilde() throws Exception {
        Fixtures.png(userHome(), "k0.png", 640, 360);
        Fixtures.png(userHome(), "k1.png", 800, 450);
        Files.writeString(
                userHome().resolve("fox.toml"),
                """
                [[shot]]
                prompt = "the fox wakes up"
                first = "k0.png"
                last = "k1.png"
                """);

        CliRun run = sandbox.jimeng().run("story", "~/fox.toml", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("the fox wakes up");
    }

    @Test
    void inspectAndRerunSayAFileIsNotThereOrIsAFolder() throws Exception {
        Files.createDirectories(sandbox.cwd().resolve("videos"));
        for (String command : new String[] {"inspect", "rerun"}) {
            CliRun missing = sandbox.jimeng().run(command, "~/gone.mp4");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
            assertThat(missing.onlyErrorLine())
                    .isEqualTo("jimeng: video ~/gone.mp4 not found: give a video jimeng downloaded, or its .json"
                            + " sidecar");

            CliRun folder = sandbox.jimeng().run(command, "videos");
            assertThat(folder.onlyErrorLine())
                    .isEqualTo("jimeng: video videos is a folder: give a video jimeng downloaded, or its .json"
                            + " sidecar");
        }
    }

    @Test
    void previewOfAFileThatIsNotThereSaysSoRatherThanNoJob() {
        CliRun run = sandbox.jimeng().run("preview", "clips/gone.mp4");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .startsWith("jimeng: video clips/gone.mp4 not found: give an MP4 file, or a job id ('jimeng ")
                .endsWith("jobs' lists them)");
    }
}
