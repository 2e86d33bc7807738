package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.app.ExitCode;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * JIMENG_HOME on a small tmpfs that fills up: right after the server accepted a submit, the task id
 * still reaches the user and {@code attach} recovers it without a second submit; a home that is
 * full from the start sends nothing and says what to do. Skipped where a tmpfs cannot be mounted.
 */
@Timeout(120)
class CliFullDiskTest {
    private static final Pattern ACCEPTED = Pattern.compile("jimeng: task (\\S+) accepted for job (\\S+)");

    @TempDir
    Path cwd;

    @TempDir
    Path mountPoint;

    private SandboxServer server;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        mounted = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString()) == 0;
        Assumptions.assumeTrue(
                mounted,
                "mounting a tmpfs is not allowed here (needs root with CAP_SYS_ADMIN): full-disk test skipped");
        server = CliSandbox.start();
    }

    @AfterEach
    void unmount() throws Exception {
        if (server != null) {
            server.close();
        }
        if (mounted) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void aTaskAcceptedAsTheDiskFillsIsToldAndAttachRecoversIt() throws Exception {
        Path home = Files.createDirectory(mountPoint.resolve("home"));
        CliHarness jimeng = CliHarness.against(server, cwd, home).with("JIMENG_JOURNAL_RETRY_SECONDS", "2");
        Path filler = mountPoint.resolve("filler");
        // the moment the server has accepted the task, before its answer leaves: the disk is full
        server.faults().beforeNextAcceptedAnswer(() -> fill(filler));

        CliRun run = jimeng.run("generate", "a fox on a full disk");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_JOURNALED.code());
        Matcher accepted = ACCEPTED.matcher(run.stderr());
        assertThat(accepted.find()).as(run.stderr()).isTrue();
        String taskId = accepted.group(1);
        assertThat(run.stderr()).contains("jimeng attach " + taskId);
        assertThat(SandboxLog.acceptedSubmits(server)).isEqualTo(1);

        Files.delete(filler);
        CliRun recovered = jimeng.run(
                "attach", taskId, "--mode", "t2v_720p", "--prompt", "a fox on a full disk", "--duration", "5");

        assertThat(recovered.exitCode()).as(recovered.toString()).isZero();
        assertThat(recovered.stdout()).contains("Task ID: " + taskId);
        assertThat(SandboxLog.acceptedSubmits(server))
                .as("attach never submits")
                .isEqualTo(1);
    }

    @Test
    void aHomeThatIsFullFromTheStartSendsNothingAndSaysWhatToDo() throws Exception {
        Path home = Files.createDirectory(mountPoint.resolve("home"));
        fill(mountPoint.resolve("filler"));

        CliRun run = CliHarness.against(server, cwd, home).run("generate", "a fox with no room");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NO_ROOM.code());
        assertThat(run.stderr()).contains(home.toString());
        assertThat(server.requests()).isEmpty();
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on the device: what the test wants
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
