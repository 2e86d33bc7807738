package dev.jimeng.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * What {@code doctor} learns of a journal file without changing it: opened read-only, never
 * migrated or created.
 *
 * @param exists false when no journal was made yet (nothing to check)
 * @param bytes size of the file
 * @param schemaVersion its {@code PRAGMA user_version}, -1 when unreadable
 * @param knownVersion the newest schema this jimeng knows
 * @param problems what {@code PRAGMA integrity_check} reported (empty: sound), or why it could not run
 */
public record JournalHealth(
        Path file, boolean exists, long bytes, int schemaVersion, int knownVersion, List<String> problems) {

    public static JournalHealth inspect(Path directory) {
        Path file = directory.resolve(JobStore.FILE_NAME);
        int known = Migrations.ALL.size();
        if (!Files.isRegularFile(file)) {
            return new JournalHealth(file, false, 0, -1, known, List.of());
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return new JournalHealth(file, true, 0, -1, known, List.of("cannot read it: " + e.getMessage()));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            return new JournalHealth(file, true, bytes, version, known, List.copyOf(problems));
        } catch (SQLException e) {
            return new JournalHealth(file, true, bytes, -1, known, List.of(String.valueOf(e.getMessage())));
        }
    }

    public boolean sound() {
        return problems.isEmpty();
    }
}
