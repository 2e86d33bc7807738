package dev.jimeng.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Folders nobody can write to, even when the tests run as root (permissions do not stop root:
 * then the folder is also made immutable with {@code chattr +i}). {@link #close()} undoes it so
 * the temporary folders can be deleted.
 */
public final class ReadOnlyFolders implements AutoCloseable {
    private final List<Path> made = new ArrayList<>();

    /** Creates {@code dir} (empty) and makes it read-only; skips the test where that cannot be done. */
    public Path make(Path dir) {
        try {
            Files.createDirectories(dir);
            made.add(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (writable(dir)) {
                chattr("+i", dir);
            }
            assumeTrue(!writable(dir), "cannot make a read-only folder here");
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void chattr(String flag, Path dir) {
        try {
            Process p = new ProcessBuilder("chattr", flag, dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no chattr: the folder stays as permissions left it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Path dir : made) {
            chattr("-i", dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
