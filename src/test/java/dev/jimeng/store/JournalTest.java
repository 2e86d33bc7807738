package dev.jimeng.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads outside a write have a connection of their own: a poller reading the history, or a list being
 * shown, never waits for a durable write's fsync; a read inside a write sees what the write changed.
 */
class JournalTest {
    @TempDir
    Path home;

    private Journal journal;

    @BeforeEach
    void open() throws Exception {
        journal = Journal.open(home.resolve(JobStore.FILE_NAME));
        journal.migrate(Migrations.ALL);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void aReadDoesNotWaitForAWriteInProgressAndSeesTheLastCommit() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // threads of their own: the common pool may have a single thread on a small machine
        var threads = java.util.concurrent.Executors.newCachedThreadPool();
        CompletableFuture<Void> write = CompletableFuture.runAsync(
                () -> journal.durableWrite(() -> {
                    insertJob("a");
                    writing.countDown();
                    awaitQuietly(finish);
                    return null;
                }),
                threads);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        // under one lock this read would wait for the write, and time out here
        int seenDuringTheWrite =
                CompletableFuture.supplyAsync(this::countJobs, threads).get(10, TimeUnit.SECONDS);

        finish.countDown();
        write.get(10, TimeUnit.SECONDS);
        assertThat(seenDuringTheWrite).as("the uncommitted row is not seen").isZero();
        assertThat(countJobs()).isEqualTo(1);
        threads.shutdown();
    }

    @Test
    void aReadInsideAWriteSeesTheWritesOwnChanges() {
        int inside = journal.write(() -> {
            insertJob("b");
            return countJobs();
        });

        assertThat(inside).isEqualTo(1);
    }

    private int countJobs() {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT COUNT(*) FROM jobs");
                    ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1);
            }
        });
    }

    private void insertJob(String id) throws java.sql.SQLException {
        try (PreparedStatement ps = journal.prepare("INSERT INTO jobs(id, created_at, updated_at, mode, request_json,"
                + " state, state_times) VALUES (?, 0, 0, 't2v_720p', '{}', 'queued', '{}')")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
