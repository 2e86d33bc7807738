package dev.jimeng.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The user's own marks on jobs (stars), which say nothing about a job's state: no lease is needed
 * to set them, and they never move a job (documented on {@link JobStore}).
 */
final class JobMarks {
    private final Journal journal;

    JobMarks(Journal journal) {
        this.journal = journal;
    }

    boolean star(String id, boolean on, Instant now) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET starred = ?, updated_at = ? WHERE id = ?")) {
                ps.setInt(1, on ? 1 : 0);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    Set<String> starred() {
        return journal.locked(() -> ids("SELECT id FROM jobs WHERE starred = 1 ORDER BY created_at DESC"));
    }

    private Set<String> ids(String sql) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = journal.prepare(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
