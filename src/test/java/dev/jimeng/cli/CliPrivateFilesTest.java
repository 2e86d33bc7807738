package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.Settings;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything jimeng creates under JIMENG_HOME is the user's alone: files 0600, folders 0700. */
class CliPrivateFilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX-only; this file system has none");
    }

    @Test
    void theJournalItsWalAndTheSandboxTasksAreReadableByTheUserOnly() throws Exception {
        Path home = root.resolve("jimeng-home"); // made by jimeng
        Path cwd = Files.createDirectories(root.resolve("cwd"));

        CliRun run = CliHarness.bare(cwd, home).run("--sandbox", "generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Path> made;
        try (Stream<Path> all = Files.walk(home)) {
            made = all.toList();
        }
        assertThat(made.stream().map(p -> p.getFileName().toString())).contains("jobs.db");
        for (Path p : made) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
        }
    }

    @Test
    void anOlderWorldReadableJournalIsMadePrivateWhenOpened() throws Exception {
        Path home = Files.createDirectories(root.resolve("jimeng-home"));
        Path cwd = Files.createDirectories(root.resolve("cwd"));
        CliHarness.bare(cwd, home).run("jobs");
        Path db;
        try (Stream<Path> all = Files.walk(home)) {
            db = all.filter(p -> p.getFileName().toString().equals("jobs.db"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        CliHarness.bare(cwd, home).run("jobs");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
                .isEqualTo("rw-------");
    }

    @Test
    void savedSettingsAreReadableByTheUserOnly() throws Exception {
        Path home = root.resolve("jimeng-home");
        JimengPaths paths = JimengPaths.resolve(Map.of("JIMENG_HOME", home.toString()), root, root);
        Settings settings = Settings.load(paths, Map.of());
        settings.set("duration", "10");

        Path file = settings.save("duration");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }
}
