package dev.jimeng.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-only statements behind {@link JobStore}'s lookups, lists and statistics (documented
 * there). Each runs under the journal's lock, outside a transaction, except {@link #load}, which a
 * write calls inside its own.
 */
final class JobQueries {
    /**
     * The states of jobs not yet ended, as SQL string literals: {@code state IN (...)} finds them through
     * an index (a {@code NOT IN} of the terminal ones reads every row of a journal of years).
     */
    private static final String UNFINISHED_LABELS = java.util.Arrays.stream(JobState.values())
            .filter(s -> !s.terminal())
            .map(s -> "'" + s.label() + "'")
            .collect(java.util.stream.Collectors.joining(","));

    private final Journal journal;
    /** Only this profile's jobs are listed, counted, found and resumed. */
    private final String profile;

    JobQueries(Journal journal, String profile) {
        this.journal = journal;
        this.profile = profile;
    }

    Optional<JobRecord> get(String id) {
        return journal.locked(() -> load(id));
    }

    Optional<JobRecord> find(String idOrPrefix) {
        String key = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!JobIds.isPrefix(key)) {
            return Optional.empty();
        }
        return journal.locked(() -> {
            List<String> ids = new ArrayList<>();
            // +profile: the prefix's range of the primary key is what narrows, not the profile's index
            try (PreparedStatement ps = journal.prepare("SELECT id FROM jobs WHERE id >= ? AND id < ? AND +profile = ?"
                    + " ORDER BY id = ? DESC, id LIMIT 20")) {
                ps.setString(1, key);
                ps.setString(2, afterPrefix(key));
                ps.setString(3, profile);
                ps.setString(4, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (!ids.isEmpty() && ids.get(0).equals(key)) {
                return load(key);
            }
            if (ids.size() > 1) {
                throw new AmbiguousJobIdException(key, ids);
            }
            return ids.isEmpty() ? otherProfiles(key) : load(ids.get(0));
        });
    }

    /** A job of another profile with this id or prefix is named, with the option that reaches it. */
    private Optional<JobRecord> otherProfiles(String key) throws SQLException {
        try (PreparedStatement ps = journal.prepare(
                "SELECT id, profile FROM jobs WHERE id >= ? AND id < ? AND profile <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, key);
            ps.setString(2, afterPrefix(key));
            ps.setString(3, profile);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new OtherProfileJobException(rs.getString(1), rs.getString(2), profile);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The least string above every id starting with {@code prefix} (ids are ASCII letters and digits):
     * the ids with that prefix are a range of the primary key, where {@code LIKE} would read them all.
     */
    private static String afterPrefix(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    List<JobRecord> list(JobQuery query) {
        // unfinished jobs are few in a journal of years: found by state, then sorted; any other list
        // reads the newest jobs in order and stops at its limit
        boolean unfinishedOnly =
                !query.states().isEmpty() && query.states().stream().noneMatch(JobState::terminal);
        StringBuilder sql = new StringBuilder("SELECT " + JobRows.COLUMNS + " FROM jobs"
                + (unfinishedOnly ? " INDEXED BY jobs_by_profile" : "") + " WHERE profile = ?");
        List<Object> args = new ArrayList<>();
        args.add(profile);
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (")
                    .append(String.join(
                            ",", query.states().stream().map(s -> "?").toList()))
                    .append(")");
            query.states().stream().sorted().forEach(s -> args.add(s.label()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" AND prompt LIKE ? ESCAPE '\\'");
            args.add("%"
                    + query.text()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY created_at DESC, rowid DESC LIMIT ?");
        args.add(query.limit());
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return JobRows.readAll(ps);
            }
        });
    }

    long count() {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT COUNT(*) FROM jobs WHERE profile = ?")) {
                ps.setString(1, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    List<JobRecord> unfinished() {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "SELECT " + JobRows.COLUMNS + " FROM jobs INDEXED BY jobs_by_profile WHERE state IN ("
                            + UNFINISHED_LABELS + ") AND profile = ? ORDER BY created_at, rowid")) {
                ps.setString(1, profile);
                return JobRows.readAll(ps);
            }
        });
    }

    boolean anyUnfinished() {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "SELECT 1 FROM jobs WHERE state IN (" + UNFINISHED_LABELS + ") AND profile = ? LIMIT 1")) {
                ps.setString(1, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** How many unfinished jobs each other profile has (profiles with none left out), by name. */
    java.util.Map<String, Long> unfinishedElsewhere() {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT profile, COUNT(*) FROM jobs WHERE state IN ("
                    + UNFINISHED_LABELS + ") AND profile <> ? GROUP BY profile ORDER BY profile")) {
                ps.setString(1, profile);
                java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    List<JobTransition> history(String id) {
        return journal.locked(() -> {
            List<JobTransition> out = new ArrayList<>();
            try (PreparedStatement ps =
                    journal.prepare("SELECT state, at, note FROM transitions WHERE job_id = ? ORDER BY seq")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JobTransition(
                                JobState.fromLabel(rs.getString(1)),
                                Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * How long the last {@code lastN} jobs of {@code mode} seen done (downloading or done; and of
     * {@code seconds} of video, when not null; a request without a length counts as {@code
     * defaultSeconds}) were at the server: from the accepted submit to the poll that saw them done.
     * Newest first.
     */
    List<Duration> recentGenerationTimes(String mode, Integer seconds, int defaultSeconds, int lastN) {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT d FROM (SELECT"
                    + " json_extract(state_times, '$.downloading') - json_extract(state_times, '$.in_queue')"
                    + " AS d, created_at FROM jobs WHERE mode = ? AND state IN ('downloading', 'done')"
                    + " AND (? IS NULL OR COALESCE(json_extract(request_json, '$.durationSeconds'), ?) = ?)"
                    + " ORDER BY created_at DESC LIMIT ?) WHERE d >= 0 ORDER BY created_at DESC")) {
                ps.setString(1, mode);
                if (seconds == null) {
                    ps.setNull(2, java.sql.Types.INTEGER);
                    ps.setNull(4, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(2, seconds);
                    ps.setInt(4, seconds);
                }
                ps.setInt(3, defaultSeconds);
                ps.setInt(5, lastN);
                List<Duration> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Duration.ofMillis(rs.getLong(1)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The spend ledger of the jobs created since {@code since}, one row per mode. From {@link
     * Instant#EPOCH} it has no period to read: every job of the profile, in mode order from
     * jobs_by_profile_mode (a bound lower limit would send the planner to the period's index, which
     * then sorts every job by mode).
     */
    java.util.List<SpendRow> spend(Instant since) {
        String pending = "task_id IS NULL AND state IN ('queued', 'submitting', 'submit_unknown')";
        boolean allTime = !since.isAfter(Instant.EPOCH);
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT mode,"
                    + " SUM(CASE WHEN task_id IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN task_id IS NOT NULL THEN COALESCE(estimated_cost, 0) ELSE 0 END),"
                    + " SUM(CASE WHEN " + pending + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN " + pending + " THEN COALESCE(estimated_cost, 0) ELSE 0 END)"
                    + " FROM jobs WHERE " + (allTime ? "" : "created_at >= ? AND ")
                    + "profile = ? GROUP BY mode ORDER BY mode")) {
                int parameter = 1;
                if (!allTime) {
                    ps.setLong(parameter++, since.toEpochMilli());
                }
                ps.setString(parameter, profile);
                java.util.List<SpendRow> rows = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new SpendRow(
                                rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getDouble(5)));
                    }
                }
                return rows;
            }
        });
    }

    /** The job with exactly this id, read inside whatever lock or transaction the caller holds. */
    Optional<JobRecord> load(String id) throws SQLException {
        try (PreparedStatement ps = journal.prepare("SELECT " + JobRows.COLUMNS + " FROM jobs WHERE id = ?")) {
            ps.setString(1, id);
            List<JobRecord> rows = JobRows.readAll(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }
}
