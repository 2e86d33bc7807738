package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jimeng.api.HostileServer;
import dev.jimeng.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
