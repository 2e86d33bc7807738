package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoHasherTest {
    @TempDir
    Path dir;

    @Test
    void hashesAsTheJournalRecords() throws Exception {
        Path video = Files.writeString(dir.resolve("a.mp4"), "abc", StandardCharsets.US_ASCII);
        try (VideoHasher hasher = new VideoHasher()) {
            assertThat(hasher.sha256(video))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                    .isEqualTo(FileHash.sha256(video));
        }
    }

    @Test
    void aJobsVirtualThreadWaitsWhileAPlatformThreadHashes() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        try (VideoHasher hasher = new VideoHasher(file -> Thread.currentThread().isVirtual()
                ? "hashed on a virtual thread"
                : "hashed on " + Thread.currentThread().getName())) {
            Thread job = Thread.ofVirtual().start(() -> {
                try {
                    answer.set(hasher.sha256(dir));
                } catch (IOException | InterruptedException e) {
                    answer.set(e.toString());
                }
            });
            job.join();
        }

        assertThat(answer).hasValue("hashed on jimeng-hash");
    }

    @Test
    void aFileThatCannotBeReadFailsAsItsIOException() {
        try (VideoHasher hasher = new VideoHasher()) {
            assertThatThrownBy(() -> hasher.sha256(dir.resolve("missing.mp4"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingStopsWaitingAndTheHashIsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (VideoHasher hasher = new VideoHasher(file -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // a hash that would outlive the test
            } catch (InterruptedException e) {
                cancelled.countDown();
            }
            return "late";
        })) {
            Thread job = Thread.ofVirtual().start(() -> {
                try {
                    hasher.sha256(dir);
                } catch (IOException | InterruptedException e) {
                    thrown.set(e);
                }
            });
            started.await();
            job.interrupt();
            job.join();
            cancelled.await();
        }

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aHashAskedForAfterTheEngineClosedFailsAsAnInterruption() {
        VideoHasher hasher = new VideoHasher();
        hasher.close();

        assertThatThrownBy(() -> hasher.sha256(dir)).isInstanceOf(InterruptedException.class);
    }
}
