package dev.jimeng.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's own marks on jobs (stars, sets made as one and their winners), which say nothing about a job's state: no lease is needed
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
        try (PreparedStatement ps = journal.prepare(sql)) {
            return ids(ps);
        }
    }

    private static Set<String> ids(PreparedStatement ps) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Puts {@code ids} into one new group; returns its id. */
    String group(List<String> ids, Instant now) {
        return join(JobIds.next(), ids, now);
    }

    /** Puts {@code ids} into the group {@code group} (made when it has no jobs yet); returns its id. */
    String join(String group, List<String> ids, Instant now) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET group_id = ?, updated_at = ? WHERE id = ?")) {
                for (String id : ids) {
                    ps.setString(1, group);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setString(3, id);
                    ps.executeUpdate();
                }
            }
            return group;
        });
    }

    /** Job id to group id, for the jobs in a group. */
    Map<String, String> groups() {
        return journal.locked(() -> {
            Map<String, String> groups = new HashMap<>();
            try (PreparedStatement ps = journal.prepare("SELECT id, group_id FROM jobs WHERE group_id IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getString(1), rs.getString(2));
                }
            }
            return groups;
        });
    }

    /** The jobs of a group, oldest first. */
    List<String> members(String group) {
        return journal.locked(() -> {
            try (PreparedStatement ps =
                    journal.prepare("SELECT id FROM jobs WHERE group_id = ? ORDER BY created_at, rowid")) {
                ps.setString(1, group);
                return List.copyOf(ids(ps));
            }
        });
    }

    /** Marks the job the winner of its group (and no other job of it); false when it has no group. */
    boolean pick(String id, Instant now) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET picked = (id = ?), updated_at = ?"
                    + " WHERE group_id = (SELECT group_id FROM jobs WHERE id = ?)")) {
                ps.setString(1, id);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Ids looked up by one statement: well under SQLite's limit of bound parameters. */
    private static final int LOOKUP_BATCH = 500;

    /**
     * The group and pick of those of {@code ids} that are in a group: what a list of jobs shows,
     * found by primary key rather than by reading every grouped job of the journal.
     */
    GroupMarks marksOf(Collection<String> ids) {
        return journal.locked(() -> {
            Map<String, String> groupOf = new HashMap<>();
            Set<String> picked = new LinkedHashSet<>();
            List<String> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH));
                String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps =
                        journal.prepare("SELECT id, group_id, picked FROM jobs WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString(2) != null) {
                                groupOf.put(rs.getString(1), rs.getString(2));
                            }
                            if (rs.getInt(3) == 1) {
                                picked.add(rs.getString(1));
                            }
                        }
                    }
                }
            }
            return new GroupMarks(groupOf, picked);
        });
    }

    Set<String> picked() {
        return journal.locked(() -> ids("SELECT id FROM jobs WHERE picked = 1"));
    }
}
