package dev.jimeng.doctor;

import dev.jimeng.app.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files that hold credentials, settings, prompts or the log must be readable by the user alone: one
 * readable by others is a problem (anyone on the machine could read the keys or the prompts).
 */
final class FilePermissionsCheck implements Check {
    private final List<Path> files;

    /** @param files the files to look at; missing ones are skipped */
    FilePermissionsCheck(List<Path> files) {
        this.files = files;
    }

    @Override
    public List<Finding> run() {
        List<Path> open = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                checked++;
                if (readableByOthers(view.readAttributes().permissions())) {
                    open.add(file);
                }
            } catch (IOException e) {
                // unreadable attributes: nothing to say about them
            }
        }
        if (!open.isEmpty()) {
            return open.stream()
                    .map(f -> Finding.problem(
                            "permissions", f + " is readable by other users", "chmod 600 " + f, ExitCode.BAD_INPUT))
                    .toList();
        }
        return List.of(Finding.ok(
                "permissions",
                checked == 0
                        ? "no credential, settings or journal file yet"
                        : dev.jimeng.text.Words.count(checked, "file") + " readable by you alone"));
    }

    private static boolean readableByOthers(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
    }
}
