package dev.jimeng.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * The statements behind {@link JobStore}'s lease methods (documented there). A lease is a row's
 * {@code lease_owner} and {@code lease_expires_at}; each change is one conditional {@code UPDATE} in
 * its own transaction, so the check and the change are atomic across processes sharing the file.
 */
final class Leases {
    private final Journal journal;

    Leases(Journal journal) {
        this.journal = journal;
    }

    boolean tryAcquire(String id, String owner, Instant now, Duration ttl) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET lease_owner = ?,"
                    + " lease_expires_at = ? WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ?"
                    + " OR lease_expires_at IS NULL OR lease_expires_at <= ?)")) {
                ps.setString(1, owner);
                ps.setLong(2, now.plus(ttl).toEpochMilli());
                ps.setString(3, id);
                ps.setString(4, owner);
                ps.setLong(5, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean takeOver(String id, String deadOwner, String owner, Instant now, Duration ttl) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, owner);
                ps.setLong(2, now.plus(ttl).toEpochMilli());
                ps.setString(3, id);
                ps.setString(4, deadOwner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean renew(String id, String owner, Instant now, Duration ttl) {
        return journal.write(() -> {
            try (PreparedStatement ps =
                    journal.prepare("UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?")) {
                ps.setLong(1, now.plus(ttl).toEpochMilli());
                ps.setString(2, id);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    int renewAll(String owner, Instant now, Duration ttl) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET lease_expires_at = ? WHERE lease_owner = ?")) {
                ps.setLong(1, now.plus(ttl).toEpochMilli());
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    void release(String id, String owner) {
        journal.write(() -> {
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET lease_owner = NULL,"
                    + " lease_expires_at = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    int releaseAll(String owner) {
        return journal.write(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                return ps.executeUpdate();
            }
        });
    }
}
