package dev.jimeng.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only the user may read: what jimeng keeps under {@code JIMENG_HOME} (the journal
 * with every prompt and task id, settings, the sandbox's tasks) is made 0600, its folders 0700, at
 * creation. On a file system without POSIX permissions these are plain creations.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates {@code dir} and its missing parents as 0700 folders; folders that exist are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (posix(dir)) {
            return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        }
        return Files.createDirectories(dir);
    }

    /** Creates {@code file} empty as 0600 when missing; an existing file (ours) is set to 0600. */
    public static Path createFile(Path file) throws IOException {
        try {
            FileAttribute<?>[] attributes = posix(file.toAbsolutePath().getParent())
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
        return file;
    }

    /** Sets an existing regular file to 0600; nothing for a missing file, a link or a non-POSIX file system. */
    public static void restrict(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null && !view.readAttributes().permissions().equals(FILE)) {
            view.setPermissions(FILE);
        }
    }

    private static boolean posix(Path where) {
        Path p = where == null ? null : where.toAbsolutePath();
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
