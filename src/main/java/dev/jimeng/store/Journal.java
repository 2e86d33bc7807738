package dev.jimeng.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The journal file's connections and the locks around them. Every statement of a {@link JobStore},
 * whichever of its parts runs it, goes through {@link #locked}, {@link #write} or {@link #durableWrite},
 * so the parts share one transaction discipline instead of each keeping its own.
 *
 * <p>Writes go through one connection, one at a time. Reads outside a write have a connection of their
 * own: in WAL mode they see the last commit without waiting, so a durable write's fsync (milliseconds)
 * never holds up a poller reading the history or a list being shown. A read inside a write uses the
 * write's connection and sees its uncommitted changes.
 */
final class Journal implements AutoCloseable {
    /** Work on the connection; an {@link SQLException} becomes a {@link StoreException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** The reads' connection, opened at the first read outside a write; guarded by {@link #readLock}. */
    private Connection reader;

    private final ReentrantLock readLock = new ReentrantLock();
    /** Told the text of every statement prepared (the tests of query plans look at them); null: nobody. */
    private volatile java.util.function.Consumer<String> prepared;

    private Journal(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the connection to {@code file} (creating the file if needed); the schema is not touched. */
    static Journal open(Path file) throws SQLException {
        NativeSqlite.useKeptCopy(file.toAbsolutePath().getParent());
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL (in WAL mode) survives a killed process; the writes that money depends on
        // (submitting, task id) switch to FULL so they survive a power cut too.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        // IMMEDIATE: a writer takes the write lock at BEGIN, so two processes never deadlock
        // upgrading read locks.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return new Journal(file, config.createConnection("jdbc:sqlite:" + file));
    }

    /**
     * A statement on the connection of the work this thread is in: inside {@link #locked}, {@link #write} or
     * {@link #durableWrite}.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        java.util.function.Consumer<String> listener = prepared;
        if (listener != null) {
            listener.accept(sql);
        }
        return current().prepareStatement(sql);
    }

    /** The write's connection when this thread is in one, else the reads'. */
    private Connection current() throws SQLException {
        if (lock.isHeldByCurrentThread()) {
            return connection;
        }
        if (!readLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a journal statement outside locked(), write() or durableWrite()");
        }
        if (reader == null) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            reader = config.createConnection("jdbc:sqlite:" + file);
        }
        return reader;
    }

    /** Tells {@code listener} the text of each statement prepared from now on (null: stop telling). */
    void onPrepare(java.util.function.Consumer<String> listener) {
        prepared = listener;
    }

    /** SQLite's plan for {@code sql} (its parameters unbound), one line per step, for the plan tests. */
    List<String> queryPlan(String sql) {
        return locked(() -> {
            List<String> steps = new java.util.ArrayList<>();
            try (PreparedStatement ps = current().prepareStatement("EXPLAIN QUERY PLAN " + sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
            return steps;
        });
    }

    /** Runs the {@code migrations} the file has not had yet, each in its own transaction. */
    void migrate(List<String> migrations) throws SQLException {
        int version;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > migrations.size()) {
            throw new StoreException("the job journal " + file + " has schema version " + version
                    + " but this jimeng knows only up to " + migrations.size() + "; use a newer jimeng");
        }
        for (int v = version; v < migrations.size(); v++) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // re-read inside the write transaction: another process may have migrated meanwhile
                int current;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    current = rs.getInt(1);
                }
                if (current == v) {
                    for (String sql : migrations.get(v).split(";")) {
                        if (!sql.isBlank()) {
                            s.executeUpdate(sql);
                        }
                    }
                    s.executeUpdate("PRAGMA user_version = " + (v + 1));
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The schema version of the open file ({@code PRAGMA user_version}). */
    int schemaVersion() {
        return locked(() -> {
            try (Statement s = current().createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
    }

    /**
     * Runs {@code work} (reads) outside any transaction on the reads' connection, or inside the write this
     * thread is in.
     */
    <T> T locked(SqlWork<T> work) {
        return holding(lock.isHeldByCurrentThread() ? lock : readLock, work);
    }

    /** Runs {@code work} holding the write lock, outside any transaction. */
    private <T> T writeLocked(SqlWork<T> work) {
        return holding(lock, work);
    }

    private <T> T holding(ReentrantLock held, SqlWork<T> work) {
        held.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw StoreException.of(file, e);
        } finally {
            held.unlock();
        }
    }

    /** Runs one statement holding the lock, outside any transaction (VACUUM cannot run inside one). */
    void executeAlone(String sql) {
        writeLocked(() -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(sql);
            }
            return null;
        });
    }

    /** Runs {@code work} in one (IMMEDIATE) transaction: committed when it returns, else rolled back. */
    <T> T write(SqlWork<T> work) {
        return writeLocked(() -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** A write whose commit is synced to the disk itself before returning (survives power loss). */
    <T> T durableWrite(SqlWork<T> work) {
        return writeLocked(() -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("PRAGMA synchronous = FULL");
            }
            try {
                return write(work);
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("PRAGMA synchronous = NORMAL");
                }
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        readLock.lock();
        try {
            if (reader != null) {
                reader.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the job journal: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
            lock.unlock();
        }
    }
}
