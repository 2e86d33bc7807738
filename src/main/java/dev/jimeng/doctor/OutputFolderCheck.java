package dev.jimeng.doctor;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.OutputCheck;
import dev.jimeng.app.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The output folder: exists or can be made, writable (the same probe as before a submit), free space. */
final class OutputFolderCheck implements Check {
    /** Room for a few dozen 10-second 1080P videos; below it, a warning before a submit fails. */
    static final long LOW_SPACE_BYTES = 1_000_000_000L;

    private final Path folder;

    OutputFolderCheck(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Finding> run() {
        try {
            OutputCheck.system().checkFolder(folder);
        } catch (UserError e) {
            return List.of(Finding.problem("output", e.getMessage(), "see the message", ExitCode.BAD_INPUT));
        }
        long free;
        try {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            free = existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        String space = free < 0 ? "free space unknown" : free / 1_000_000 + " MB free";
        if (free >= 0 && free < LOW_SPACE_BYTES) {
            return List.of(Finding.warning(
                    "output",
                    folder + " is writable, only " + space,
                    "free space on its disk, or set output-dir (JIMENG_OUTPUT_DIR) to a folder on another one"));
        }
        return List.of(Finding.ok("output", folder + " is writable, " + space));
    }
}
