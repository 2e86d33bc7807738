package dev.jimeng.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The copies table: where later downloads of done jobs' videos went (see {@link SavedCopy}). */
final class SavedCopies {
    private final Journal journal;

    SavedCopies(Journal journal) {
        this.journal = journal;
    }

    void record(String id, SavedCopy copy) {
        journal.write(() -> {
            try (PreparedStatement ps =
                    journal.prepare("INSERT INTO copies (job_id, path, bytes, saved_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, copy.path().toString());
                ps.setLong(3, copy.bytes());
                ps.setLong(4, copy.savedAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    List<SavedCopy> of(String id) {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "SELECT path, bytes, saved_at FROM copies WHERE job_id = ? ORDER BY saved_at, rowid")) {
                ps.setString(1, id);
                List<SavedCopy> copies = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        copies.add(new SavedCopy(
                                Path.of(rs.getString(1)), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return copies;
            }
        });
    }
}
