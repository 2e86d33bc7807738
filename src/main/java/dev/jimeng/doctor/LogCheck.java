package dev.jimeng.doctor;

import dev.jimeng.app.SupportLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the support log is and how large: what to attach to a bug report (or use --report). */
final class LogCheck implements Check {
    private final SupportLog log;

    LogCheck(SupportLog log) {
        this.log = log;
    }

    @Override
    public List<Finding> run() {
        Path file = log.file();
        long bytes = 0;
        for (int n = 0; n < SupportLog.FILES; n++) {
            try {
                bytes += Files.isRegularFile(log.generation(n)) ? Files.size(log.generation(n)) : 0;
            } catch (IOException e) {
                // counted as empty
            }
        }
        return List.of(Finding.ok(
                "log",
                file + " (" + JournalCheck.kib(bytes) + "; " + SupportLog.FILES + " files of at most "
                        + SupportLog.MAX_BYTES / 1_000_000 + " MB)"));
    }
}
