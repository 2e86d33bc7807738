package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.jimeng.api.HostileServer;
import dev.jimeng.job.download.VideoServer.Served;
import dev.jimeng.time.ManualClock;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    private static final int SIZE = 1_000_000;
    private static final byte[] VIDEO = VideoServer.mp4Like(SIZE, 42);
    private static final RandomGenerator NO_JITTER = () -> 0L;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private VideoServer server;
    private Path target;

    @BeforeEach
    void startServer() throws IOException {
        server = VideoServer.serving(VIDEO);
        target = dir.resolve("videos/job-1.mp4");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static DownloadPolicy policy(int maxAttempts) {
        return new DownloadPolicy(
                maxAttempts,
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                NO_JITTER,
                Duration.ofSeconds(5),
                64 * 1024);
    }

    private Downloader downloader(int maxAttempts) {
        return downloader(policy(maxAttempts), clock);
    }

    private Downloader downloader(DownloadPolicy policy, Sleeper sleeper) {
        return new Downloader(null, clock, sleeper, policy);
    }

    private Path part() {
        return Downloader.partFileOf(target);
    }

    @Test
    void downloadsAWholeVideoIntoTheTargetWithItsLengthAndSha256() throws Exception {
        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(result.file()).isEqualTo(target);
        assertThat(result.bytes()).isEqualTo(SIZE);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
        assertThat(part()).doesNotExist();
        assertThat(server.served()).singleElement().satisfies(s -> assertThat(s.range())
                .isNull());
    }

    @Test
    void reportsProgressAboutEvery64KiBAndEndsWithTheTotal() throws Exception {
        List<long[]> calls = new ArrayList<>();

        downloader(8).download(server.url("t1"), target, (bytes, total) -> calls.add(new long[] {bytes, total}));

        assertThat(calls).hasSizeBetween(SIZE / 65536, SIZE / 65536 + 2);
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(SIZE));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0] - calls.get(i - 1)[0]).isPositive();
        }
        assertThat(calls.getLast()[0]).isEqualTo(SIZE);
    }

    @Test
    void resumesADroppedDownloadWithARangeRequestInsteadOfStartingOver() throws Exception {
        server.truncateNext(1, 600_000);

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
        List<Served> served = server.served();
        assertThat(served).hasSize(2);
        Served resumed = served.get(1);
        long resumedFrom = SIZE - resumed.bodyBytes();
        // resumed where the file ended (the client may lose a few in-flight bytes of a dropped response)
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.range()).isEqualTo("bytes=" + resumedFrom + "-");
        assertThat(resumedFrom).isBetween(1L, 600_000L);
        assertThat(server.bodyBytesSent()).isLessThanOrEqualTo(SIZE + 600_000L - resumedFrom);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void givesUpAfterTheLastAttemptAndKeepsThePartialFileForLater() throws Exception {
        server.truncateNext(10, 100_000);

        DownloadFailedException failure = catchThrowableOfType(DownloadFailedException.class, () -> downloader(3)
                .download(server.url("t1"), target, ProgressListener.NONE));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("after 3 attempts");
        assertThat(server.served()).hasSize(3);
        assertThat(clock.sleeps()).hasSize(2);
        assertThat(target).doesNotExist();
        assertThat(part()).exists();
        assertThat(Files.size(part())).isBetween(1L, 300_000L);

        // a later call with the same URL picks the partial file up
        server.truncateNext(0, 0);
        DownloadResult result = downloader(3).download(server.url("t1"), target, ProgressListener.NONE);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(server.served().getLast().range()).startsWith("bytes=");
    }

    @Test
    void anExpiredUrlFailsAtOnceAndAFreshUrlResumesThePartialFile() throws Exception {
        server.truncateNext(1, 400_000);
        // the signed URL dies while the downloader backs off after the drop
        Sleeper urlDiesDuringBackoff = wait -> {
            clock.sleep(wait);
            server.expire("old");
        };

        DownloadUrlExpiredException expired = catchThrowableOfType(
                DownloadUrlExpiredException.class, () -> downloader(policy(8), urlDiesDuringBackoff)
                        .download(server.url("old"), target, ProgressListener.NONE));

        assertThat(expired.status()).isEqualTo(403);
        assertThat(clock.sleeps()).hasSize(1); // no retries once expired
        long kept = Files.size(part());
        assertThat(kept).isBetween(1L, 400_000L);

        DownloadResult result = downloader(8).download(server.url("fresh"), target, ProgressListener.NONE);

        Served resumed = server.served().getLast();
        assertThat(resumed.token()).isEqualTo("fresh");
        assertThat(resumed.range()).isEqualTo("bytes=" + kept + "-");
        assertThat(resumed.bodyBytes()).isEqualTo(SIZE - kept);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
    }

    @Test
    void anExpiredAnswerUnderAnotherClientErrorIsAlsoExpiry() {
        server.failNext(1, 400, null, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message>");

        assertThatThrownBy(() -> downloader(8).download(server.url("t1"), target, ProgressListener.NONE))
                .isInstanceOf(DownloadUrlExpiredException.class);
        assertThat(server.served()).hasSize(1);
    }

    @Test
    void aRedirectToTheVideoIsFollowed() throws Exception {
        URI video = server.url("t1");
        try (HostileServer redirecting = HostileServer.start((s, request, out) -> out.write(
                ("HTTP/1.1 302 Found\r\nLocation: " + video + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)))) {
            DownloadResult result =
                    downloader(8).download(redirecting.url("/v/1?token=t0"), target, ProgressListener.NONE);

            assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
            assertThat(redirecting.requests()).isEqualTo(1);
            assertThat(server.served()).singleElement().satisfies(s -> assertThat(s.token())
                    .isEqualTo("t1"));
        }
    }

    @Test
    void otherClientErrorsFailAtOnceWithAOneLineMessage() {
        server.failNext(1, 401);

        DownloadFailedException failure = catchThrowableOfType(DownloadFailedException.class, () -> downloader(8)
                .download(server.url("t1"), target, ProgressListener.NONE));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("download of " + Redaction.redact(server.url("t1")) + " refused: HTTP 401")
                .doesNotContain("\n");
        assertThat(server.served()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void contentThatIsNotAnMp4FailsAtItsFirstBytesAndIsNeverRenamedOntoTheTarget() throws Exception {
        byte[] html = new byte[SIZE];
        new Random(1).nextBytes(html);
        server.serve(html);

        DownloadNotVideoException failure = catchThrowableOfType(DownloadNotVideoException.class, () -> downloader(8)
                .download(server.url("t1"), target, ProgressListener.NONE));

        assertThat(failure).hasMessageContaining("not an MP4");
        assertThat(target).doesNotExist();
        assertThat(part()).doesNotExist();
        assertThat(server.served()).hasSize(1);

        // the rejected bytes are out of the way: the next call starts from zero
        server.serve(VIDEO);
        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(server.served().getLast().range()).isNull();
    }

    @Test
    void aServerThatIgnoresRangeMakesTheDownloadStartOverFromZero() throws Exception {
        server.truncateNext(1, 300_000);
        server.ignoreRange(true);

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        Served second = server.served().get(1);
        assertThat(second.range()).startsWith("bytes=");
        assertThat(second.status()).isEqualTo(200);
        assertThat(result.bytes()).isEqualTo(SIZE);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
    }

    @Test
    void serverErrorsBackOffExponentiallyUpToTheCap() throws Exception {
        server.failNext(7, 500);

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(clock.sleeps())
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(4));
        assertThat(result.attempts()).isEqualTo(8);
        assertThat(result.elapsed()).isEqualTo(Duration.ofMillis(19_500));
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterAsks() throws Exception {
        server.failNext(1, 429, "3");

        downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aStalledBodyIsAbandonedAfterTheReadTimeoutAndResumed() throws Exception {
        server.stallNext(1, 200_000);
        DownloadPolicy impatient = new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(4), NO_JITTER, Duration.ofMillis(300), 64 * 1024);

        DownloadResult result = downloader(impatient, clock).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(server.served().get(1).range()).startsWith("bytes=");
    }

    @Test
    void anInterruptWhileTheServerStallsEndsTheDownloadAtOnceKeepingWhatArrived() throws Exception {
        server.stallNext(1, 200_000);
        DownloadPolicy patient = new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(4), NO_JITTER, Duration.ofMinutes(5), 64 * 1024);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        // job runs are virtual threads: cancelling one interrupts it while it waits for bytes
        Thread download = Thread.ofVirtual().start(() -> {
            try {
                downloader(patient, clock).download(server.url("t1"), target, ProgressListener.NONE);
            } catch (Exception | AssertionError e) {
                ended.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(part()) && Files.size(part()) == 200_000);

        download.interrupt();

        assertThat(download.join(Duration.ofSeconds(5)))
                .as("ended within 5 s of the interrupt, not after the 5 min read timeout")
                .isTrue();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(Files.size(part())).isEqualTo(200_000);
        assertThat(target).doesNotExist();
        assertThat(clock.sleeps()).isEmpty();

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);
        assertThat(server.served().getLast().range()).isEqualTo("bytes=200000-");
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
    }

    @Test
    void aCompletePartialFileIsVerifiedAndRenamedWithoutDownloadingItAgain() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part(), VIDEO);

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(server.served()).singleElement().satisfies(s -> assertThat(s.status())
                .isEqualTo(416));
        assertThat(server.bodyBytesSent()).isZero();
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
    }

    @Test
    void aPartialFileThatIsNotAnMp4IsStartedOverWithoutResumingIt() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part(), "<html>".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(server.served()).extracting(Served::status).containsExactly(200);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
    }

    @Test
    void aStalePartialFileLongerThanTheVideoIsStartedOver() throws Exception {
        Files.createDirectories(target.getParent());
        byte[] stale = java.util.Arrays.copyOf(VIDEO, SIZE + 10);
        Files.write(part(), stale);

        DownloadResult result = downloader(8).download(server.url("t1"), target, ProgressListener.NONE);

        assertThat(server.served()).extracting(Served::status).containsExactly(416, 200);
        assertThat(result.sha256()).isEqualTo(VideoServer.sha256(VIDEO));
        assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
    }

    @Test
    void neverOverwritesAFileAlreadyAtTheTarget() throws Exception {
        Files.createDirectories(target.getParent());
        Files.writeString(target, "someone else's video");

        assertThatThrownBy(() -> downloader(8).download(server.url("t1"), target, ProgressListener.NONE))
                .isInstanceOf(DownloadTargetExistsException.class)
                .hasMessageContaining(target.toString());
        assertThat(Files.readString(target)).isEqualTo("someone else's video");
        assertThat(server.served()).isEmpty();
    }

    @Test
    void noMessageEverContainsTheSignedQueryString() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        server.expire("dead");
        failures.add(failureOf(server.url("dead"), 8));
        server.failNext(1, 400);
        failures.add(failureOf(server.url("t1"), 8));
        server.failNext(2, 503);
        failures.add(failureOf(server.url("t1"), 2));
        server.truncateNext(2, 1000);
        failures.add(failureOf(server.url("t1"), 2));
        URI closedPort = closedPortUrl();
        failures.add(failureOf(closedPort, 2));
        Files.deleteIfExists(part());
        server.serve(new byte[5000]);
        failures.add(failureOf(server.url("t1"), 2));

        assertThat(failures).hasSize(6).doesNotContainNull();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                        .doesNotContain("token=")
                        .doesNotContain("sig-")
                        .doesNotContain("?")
                        .doesNotContain("\n");
                assertThat(t.toString()).doesNotContain("sig-");
            }
        }
        assertThat(failures.get(0).getMessage()).contains(Redaction.redact(server.url("dead")));
    }

    private Throwable failureOf(URI url, int attempts) {
        try {
            downloader(attempts).download(url, target, ProgressListener.NONE);
            return null;
        } catch (DownloadException | InterruptedException e) {
            return e;
        }
    }

    private static URI closedPortUrl() throws IOException {
        VideoServer gone = VideoServer.serving(VIDEO);
        URI url = gone.url("secret");
        gone.close();
        return url;
    }

    @Test
    void aPlantedPartSymlinkIsNeverFollowedAndTheVictimIsLeftAlone() throws Exception {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious bytes\n");
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(part(), victim);

        assertThatThrownBy(() -> downloader(8).download(server.url("t1"), target, ProgressListener.NONE))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessageContaining(part().toString())
                .hasMessageContaining("not a regular file")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));

        assertThat(Files.readString(victim)).isEqualTo("precious bytes\n");
        assertThat(server.served()).as("nothing was asked of the server").isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aDanglingPartSymlinkIsNotCreatedThrough() throws Exception {
        Path victim = dir.resolve("created-by-link.mp4");
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(part(), victim);

        assertThatThrownBy(() -> downloader(8).download(server.url("t1"), target, ProgressListener.NONE))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessageContaining("not a regular file");
        assertThat(victim).doesNotExist();
    }

    @Test
    void aPartThatIsAFolderIsRefused() throws Exception {
        Files.createDirectories(part());

        assertThatThrownBy(() -> downloader(8).download(server.url("t1"), target, ProgressListener.NONE))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessageContaining("not a regular file");
    }
}
