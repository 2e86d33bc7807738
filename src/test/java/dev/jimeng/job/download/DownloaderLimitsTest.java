package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jimeng.api.HostileServer;
import dev.jimeng.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against {@link HostileServer}: an endless or oversized video stops at the size limit
 * (or the free disk space less the reserve) with its partial file removed, and an HTML page fails at
 * once. Every test is bounded in time, and by what the server could send, in memory and disk.
 */
class DownloaderLimitsTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private HostileServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private static DownloadPolicy policy(long diskReserve) {
        return new DownloadPolicy(
                        8, Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0L, Duration.ofSeconds(5), 64 * 1024)
                .withDiskReserve(diskReserve);
    }

    private Path target() {
        return dir.resolve("videos/job-1.mp4");
    }

    private <E extends Throwable> E fails(Class<E> type, HostileServer.Behaviour b, long maxBytes, DownloadPolicy p)
            throws Exception {
        server = HostileServer.start(b);
        Downloader downloader = new Downloader(null, clock, clock, p);
        return assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> catchThrowableOfType(
                        type,
                        () -> downloader.download(
                                server.url("/v/1?X-Signature=SECRET"), target(), maxBytes, ProgressListener.NONE)));
    }

    private void assertNothingLeft() throws Exception {
        assertThat(target()).doesNotExist();
        assertThat(Downloader.partFileOf(target())).doesNotExist();
        try (var files = Files.list(target().getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anEndlessVideoStopsAtTheSizeLimitAndItsPartialFileIsRemoved() throws Exception {
        DownloadFailedException e =
                fails(DownloadFailedException.class, HostileServer.endlessVideo(), 8 * MIB, policy(64 * MIB));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("larger than", "8 MiB").doesNotContain("SECRET");
        assertNothingLeft();
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.bodyBytesSent()).isLessThan(40 * MIB);
    }

    @Test
    void anEndlessVideoNeverFillsTheDiskPastTheReserve() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        DownloadFailedException e = fails(
                DownloadFailedException.class,
                HostileServer.endlessVideo(),
                Long.MAX_VALUE,
                policy(Math.max(0, free - 6 * MIB)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("free disk space");
        assertNothingLeft();
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeWritingAnything() throws Exception {
        DownloadFailedException e =
                fails(DownloadFailedException.class, HostileServer.videoOf(300 * MIB), 8 * MIB, policy(64 * MIB));

        assertThat(e.getMessage()).contains("larger than", "314572800");
        assertNothingLeft();
        assertThat(server.bodyBytesSent()).isLessThan(40 * MIB);
    }

    @Test
    void anInterruptWhileWaitingForTheAnswerEndsTheDownloadAtOnce() throws Exception {
        server = HostileServer.start(HostileServer.stallBeforeHeaders());
        DownloadPolicy patient = new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0L, Duration.ofMinutes(5), 64 * 1024);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread download = Thread.ofVirtual().start(() -> {
            try {
                new Downloader(null, clock, clock, patient)
                        .download(server.url("/v/1?X-Signature=SECRET"), target(), ProgressListener.NONE);
            } catch (Exception e) {
                ended.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> server.requests() == 1);

        download.interrupt();

        assertThat(download.join(Duration.ofSeconds(5)))
                .as("ended within 5 s of the interrupt, not after the 5 min read timeout")
                .isTrue();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(server.requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aVideoWithinTheLimitStillDownloads() throws Exception {
        server = HostileServer.start(HostileServer.videoOf(3 * MIB));
        DownloadResult r = new Downloader(null, clock, clock, policy(64 * MIB))
                .download(server.url("/v/1"), target(), 8 * MIB, ProgressListener.NONE);

        assertThat(r.bytes()).isEqualTo(3 * MIB);
    }

    @Test
    void anHtmlPageFailsAtOnceNamingItsType() throws Exception {
        DownloadNotVideoException e = fails(
                DownloadNotVideoException.class,
                HostileServer.htmlPage("text/html; charset=utf-8"),
                8 * MIB,
                policy(64 * MIB));

        assertThat(e.getMessage())
                .startsWith("the video link served text/html, not an MP4")
                .doesNotContain("SECRET");
        assertThat(server.requests()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
        assertNothingLeft();
    }

    @Test
    void anHtmlPageLabelledAsAVideoIsToldByItsFirstBytes() throws Exception {
        DownloadNotVideoException e =
                fails(DownloadNotVideoException.class, HostileServer.htmlPage("video/mp4"), 8 * MIB, policy(64 * MIB));

        assertThat(e.getMessage()).startsWith("the video link served").contains("not an MP4", "<!DOCTYPE");
        assertThat(server.requests()).isEqualTo(1);
        assertNothingLeft();
    }
}
