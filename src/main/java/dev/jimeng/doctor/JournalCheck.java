package dev.jimeng.doctor;

import dev.jimeng.app.ExitCode;
import dev.jimeng.store.JournalHealth;
import java.nio.file.Path;
import java.util.List;

/** The job journal: sound ({@code PRAGMA integrity_check}), its size and schema version; read-only. */
final class JournalCheck implements Check {
    private final Path directory;

    JournalCheck(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Finding> run() {
        JournalHealth h = JournalHealth.inspect(directory);
        Path file = h.file();
        if (!h.exists()) {
            return List.of(Finding.ok("journal", "none yet at " + file + " (made by the first job)"));
        }
        if (!h.sound()) {
            return List.of(Finding.problem(
                    "journal",
                    file + " is damaged: " + String.join("; ", h.problems()),
                    "move it aside to start a fresh one and keep the old: mv " + file + " " + file
                            + ".damaged (with its -wal and -shm files, if any)",
                    ExitCode.JOURNAL_DAMAGED));
        }
        if (h.schemaVersion() > h.knownVersion()) {
            return List.of(Finding.problem(
                    "journal",
                    file + " has schema version " + h.schemaVersion() + ", newer than this jimeng knows ("
                            + h.knownVersion() + ")",
                    "use a newer jimeng",
                    ExitCode.JOURNAL_DAMAGED));
        }
        String version = h.schemaVersion() < h.knownVersion()
                ? "schema " + h.schemaVersion() + " (updated to " + h.knownVersion() + " on next use)"
                : "schema " + h.schemaVersion();
        return List.of(Finding.ok("journal", file + ": sound, " + kib(h.bytes()) + ", " + version));
    }

    static String kib(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KiB";
    }
}
