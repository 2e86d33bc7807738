package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.JimengApi;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobChanges;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.store.JobTransition;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobManagerTest {
    private static final Duration TTL = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private VideoServer video;
    private ScriptedServer server;
    private final ManualClock clock = new ManualClock();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private static final Function<GenerationRequest, SubmitBody> BODIES = r -> {
        if (r.prompt().startsWith("INVALID")) {
            throw new IllegalArgumentException("prompt rejected by validation");
        }
        return new SubmitBody(
                "jimeng_t2v_v30", r.prompt(), null, null, r.seed() == null ? -1L : r.seed(), 121, "16:9", null, null);
    };

    @BeforeEach
    void startServers() throws Exception {
        video = new VideoServer();
        server = new ScriptedServer(video.base());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        video.close();
    }

    private EngineSettings settings(String owner) {
        return EngineSettings.defaults()
                .withLease(owner, TTL)
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 20);
    }

    private JobStore store() {
        JobStore store = JobStore.open(home);
        toClose.add(store);
        return store;
    }

    private JobManager manager(JobStore store, JimengApi api, ManualClock time, EngineSettings settings) {
        JobManager manager = new JobManager(
                store,
                api,
                BODIES,
                new HttpVideoFetcher(),
                s -> s.outputPath() != null
                        ? s.outputPath()
                        : home.resolve("videos").resolve(s.id() + ".mp4"),
                time,
                time,
                settings,
                new Random(7));
        toClose.add(manager);
        return manager;
    }

    private JobManager manager(ScriptedServer.Client api) {
        return manager(store(), api, clock, settings("process-1"));
    }

    private static GenerationRequest request(String prompt) {
        return new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), 42L, null, null);
    }

    private static JobSnapshot await(JobManager manager, String id) throws Exception {
        return manager.whenTerminal(id).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aFinisherWorksOnTheVideoBeforeDoneAndTheJournalRecordsTheFileItLeft() throws Exception {
        JobStore store = store();
        JobManager manager = manager(store, server.client(clock), clock, settings("process-1"));
        List<JobState> stateWhileFinishing = new CopyOnWriteArrayList<>();
        manager.setVideoFinisher((job, file) -> {
            stateWhileFinishing.add(store.get(job.id()).orElseThrow().state());
            Files.write(file, "+metadata".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
            return true;
        });

        String id = manager.submit(request("a cat"));
        JobSnapshot done = await(manager, id);

        assertThat(stateWhileFinishing).containsExactly(JobState.DOWNLOADING);
        byte[] downloaded = VideoServer.video(done.taskId(), video.videoBytes);
        long size = Files.size(done.outputPath());
        assertThat(size).isEqualTo(downloaded.length + "+metadata".length());
        JobRecord row = store.get(id).orElseThrow();
        assertThat(row.bytes()).isEqualTo(size);
        assertThat(row.sha256()).isEqualTo(FileHash.sha256(done.outputPath()));
    }

    @Test
    void aFinisherThatFailsLeavesTheVideoAsDownloadedAndTheJobDone() throws Exception {
        JobStore store = store();
        JobManager manager = manager(store, server.client(clock), clock, settings("process-1"));
        manager.setVideoFinisher((job, file) -> {
            throw new java.io.IOException("cannot");
        });

        String id = manager.submit(request("a cat"));
        JobSnapshot done = await(manager, id);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(Files.readAllBytes(done.outputPath())).isEqualTo(VideoServer.video(done.taskId(), video.videoBytes));
        assertThat(store.get(id).orElseThrow().sha256()).isEqualTo(FileHash.sha256(done.outputPath()));
    }

    @Test
    void aJobGoesFromSubmitToAVerifiedVideoThroughEveryState() throws Exception {
        server.pollsUntilDone = 3;
        JobStore store = store();
        JobManager manager = manager(store, server.client(clock), clock, settings("process-1"));
        List<JobSnapshot> seen = new CopyOnWriteArrayList<>();
        manager.subscribe(seen::add);

        String id = manager.submit(request("a cat"));
        JobSnapshot done = await(manager, id);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.outputPath()).isEqualTo(home.resolve("videos").resolve(id + ".mp4"));
        byte[] expected = VideoServer.video(done.taskId(), video.videoBytes);
        assertThat(Files.readAllBytes(done.outputPath())).isEqualTo(expected);
        assertThat(done.bytesDownloaded()).isEqualTo(expected.length);
        assertThat(done.sha256()).isEqualTo(FileHash.sha256(done.outputPath())).hasSize(64);
        assertThat(server.submitCalls()).isEqualTo(1);
        assertThat(seen).extracting(JobSnapshot::state).contains(JobState.QUEUED, JobState.GENERATING);
        assertThat(seen.stream().filter(s -> s.state() == JobState.DOWNLOADING && s.bytesDownloaded() > 0))
                .as("throttled progress: about one snapshot per 256 KB")
                .hasSizeBetween(1, 4);
        assertThat(store.history(id))
                .extracting(JobTransition::state)
                .containsExactly(
                        JobState.QUEUED,
                        JobState.SUBMITTING,
                        JobState.IN_QUEUE,
                        JobState.GENERATING,
                        JobState.DOWNLOADING,
                        JobState.DONE);
        JobRecord row = store.get(id).orElseThrow();
        assertThat(row.seed()).isEqualTo(42L);
        assertThat(row.requestId()).isEqualTo("req-" + done.taskId());
        assertThat(row.leaseOwner()).as("a finished job is released").isNull();
        assertThat(manager.jobs()).extracting(JobSnapshot::id).containsExactly(id);
        assertThat(manager.typicalGenerationTime("t2v_720p")).isPresent();
    }

    @Test
    void theJournalNeverContainsTheSignedVideoUrl() throws Exception {
        JobManager manager = manager(server.client(clock));
        await(manager, manager.submit(request("secret check")));
        for (String name : List.of("jobs.db", "jobs.db-wal")) {
            Path file = home.resolve(name);
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes)
                        .doesNotContain("SECRET-")
                        .doesNotContain("X-Signature")
                        .doesNotContain("/v/");
            }
        }
    }

    @Test
    void neverMoreThanTheLimitOfTasksRunAtTheServer() throws Exception {
        server.concurrencyLimit = 2; // the server would answer 50430 beyond this
        server.pollsUntilDone = 3;
        JobManager manager = manager(server.client(clock));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(manager.submit(request("job " + i)));
        }
        for (String id : ids) {
            assertThat(await(manager, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(server.maxInFlight()).isLessThanOrEqualTo(2);
        assertThat(server.rejectedForConcurrency()).isZero();
        assertThat(server.submitCalls()).isEqualTo(12);
        assertThat(manager.tasksAtServer()).isZero();
    }

    @Test
    void aSlotFreedByAFinishedTaskIsFilledBeforeItsDownloadEnds() throws Exception {
        ScriptedServer.Client api = server.client(clock);
        CountDownLatch secondSubmitted = new CountDownLatch(2);
        api.beforeSubmit = secondSubmitted::countDown;
        VideoFetcher plain = new HttpVideoFetcher();
        VideoFetcher waitsForNextSubmit = (url, target, progress) -> {
            if (!secondSubmitted.await(10, TimeUnit.SECONDS)) {
                throw new FetchException(FetchException.Kind.FATAL, 0, "the next job was not submitted");
            }
            return plain.fetch(url, target, progress);
        };
        JobManager manager = oneSlotManager(api, waitsForNextSubmit);

        String first = manager.submit(request("first"));
        String second = manager.submit(request("second"));

        assertThat(await(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(await(manager, second).state()).isEqualTo(JobState.DONE);
        assertThat(server.maxInFlight()).isEqualTo(1);
    }

    @Test
    void aDoneVideosDownloadWaitsUntilTheNextSubmitOnItsSlotHasItsAnswer() throws Exception {
        ScriptedServer.Client api = server.client(clock);
        AtomicInteger submits = new AtomicInteger();
        CountDownLatch secondOnTheWire = new CountDownLatch(1);
        CountDownLatch answerSecond = new CountDownLatch(1);
        api.beforeSubmit = () -> {
            if (submits.incrementAndGet() == 2) {
                secondOnTheWire.countDown();
                awaitQuietly(answerSecond);
            }
        };
        AtomicBoolean downloading = new AtomicBoolean();
        JobManager manager = oneSlotManager(api, watching(downloading));
        seenDoneOnceTheNextIsInLine(api, manager);

        String first = manager.submit(request("first"));
        String second = manager.submit(request("second"));
        assertThat(secondOnTheWire.await(10, TimeUnit.SECONDS)).isTrue();

        // the first task is done and its slot handed over: its download competes with that submit
        // for the CPU, and the submit's answer starts the next task's time at the server
        Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(1))
                .untilFalse(downloading);
        answerSecond.countDown();

        assertThat(await(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(await(manager, second).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aDoneVideosDownloadDoesNotWaitForASubmitTheServerTurnedAway() throws Exception {
        ScriptedServer.Client api = server.client(clock);
        AtomicInteger submits = new AtomicInteger();
        CountDownLatch retryOnTheWire = new CountDownLatch(1);
        CountDownLatch answerRetry = new CountDownLatch(1);
        api.beforeSubmit = () -> {
            switch (submits.incrementAndGet()) {
                // the server's slots are full (tasks from elsewhere): the second job waits and tries
                // again, which may take minutes; nothing is being handed over meanwhile
                case 2 -> server.submitErrors.add(Errors.concurrencyLimit());
                case 3 -> {
                    retryOnTheWire.countDown();
                    awaitQuietly(answerRetry);
                }
                default -> {}
            }
        };
        AtomicBoolean downloading = new AtomicBoolean();
        JobManager manager = oneSlotManager(api, watching(downloading));
        seenDoneOnceTheNextIsInLine(api, manager);

        String first = manager.submit(request("first"));
        String second = manager.submit(request("second"));
        assertThat(retryOnTheWire.await(10, TimeUnit.SECONDS)).isTrue();

        // well within DownloadStep.HANDOVER_WAIT_LIMIT, the longest a handover holds a download
        Awaitility.await().atMost(Duration.ofMillis(1000)).untilTrue(downloading);
        answerRetry.countDown();

        assertThat(await(manager, first).state()).isEqualTo(JobState.DONE);
        assertThat(await(manager, second).state()).isEqualTo(JobState.DONE);
    }

    /** Fetches videos over HTTP, setting {@code downloading} when a download starts. */
    private static VideoFetcher watching(AtomicBoolean downloading) {
        VideoFetcher plain = new HttpVideoFetcher();
        return (url, target, progress) -> {
            downloading.set(true);
            return plain.fetch(url, target, progress);
        };
    }

    /**
     * The first task is seen done only once the second job stands in line for its slot, as in a batch
     * (with the manual clock, the first job's polls would otherwise win that race).
     */
    private static void seenDoneOnceTheNextIsInLine(ScriptedServer.Client api, JobManager manager) {
        AtomicBoolean polled = new AtomicBoolean();
        api.beforePoll = () -> {
            if (!polled.getAndSet(true)) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> manager.slots.waiting() == 1);
            }
        };
    }

    /** An engine with one server slot, fetching videos through {@code fetcher}. */
    private JobManager oneSlotManager(ScriptedServer.Client api, VideoFetcher fetcher) {
        JobManager manager = new JobManager(
                store(),
                api,
                BODIES,
                fetcher,
                s -> s.outputPath() != null ? s.outputPath() : home.resolve(s.id() + ".mp4"),
                clock,
                clock,
                settings("p").withServerConcurrency(1));
        toClose.add(manager);
        return manager;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSubmitThatMayHaveReachedTheServerIsNeverSentAgainWithoutTheUsersWord() throws Exception {
        server.submitErrors.add(Errors.readTimeoutAfterSending());
        JobStore store = store();
        JobManager manager = manager(store, server.client(clock), clock, settings("p1"));

        String id = manager.submit(request("maybe billed"));
        JobSnapshot unknown = await(manager, id);

        assertThat(unknown.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(unknown.errorCode()).isEqualTo("timeout");
        assertThat(unknown.errorMessage()).contains("may have accepted").contains("not sent again");
        assertThat(server.submitCalls()).isEqualTo(1);

        // a later start does not send it either, and a plain retry refuses
        manager.close();
        JobManager later = manager(store, server.client(clock), clock, settings("p2"));
        assertThat(later.resumeAll()).isEmpty();
        assertThatThrownBy(() -> later.retry(id, false))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.OUTCOME_UNKNOWN));
        assertThat(NextSteps.of(later.job(id).orElseThrow(), clock.instant())).containsExactly(NextSteps.Step.RESUBMIT);
        assertThat(server.submitCalls()).isEqualTo(1);

        // only the explicit word re-submits, as a new job linked to the old one
        String again = later.retry(id.substring(0, 5), true);
        assertThat(again).isNotEqualTo(id);
        assertThat(await(later, again).state()).isEqualTo(JobState.DONE);
        assertThat(store.get(again).orElseThrow().retryOf()).isEqualTo(id);
        assertThat(server.submitCalls()).isEqualTo(2);
    }

    @Test
    void submitsThatSurelyFailedAreSentAgainAfterABackoff() throws Exception {
        server.submitErrors.add(Errors.concurrencyLimit());
        server.submitErrors.add(Errors.concurrencyLimit());
        server.submitErrors.add(Errors.qpsLimit());
        server.submitErrors.add(Errors.connectionRefused());
        server.submitErrors.add(Errors.internal());
        JobStore store = store();
        JobManager manager = manager(store, server.client(clock), clock, settings("p"));

        String id = manager.submit(request("persistent"));

        assertThat(await(manager, id).state()).isEqualTo(JobState.DONE);
        assertThat(server.submitCalls()).isEqualTo(6);
        assertThat(server.accepted).hasSize(1);
        List<JobTransition> history = store.history(id);
        assertThat(history.stream().filter(t -> t.state() == JobState.QUEUED))
                .hasSize(6)
                .anySatisfy(t -> assertThat(t.note()).contains("50430").contains("nothing was billed"));
        assertThat(store.get(id).orElseThrow().submitAttempts()).isEqualTo(6);
    }

    @Test
    void aSubmitRejectedForItsContentFailsAtOnceWithTheCode() throws Exception {
        server.submitErrors.add(Errors.inputTextReview());
        JobManager manager = manager(server.client(clock));

        JobSnapshot failed = await(manager, manager.submit(request("forbidden words")));

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("50412");
        assertThat(failed.errorMessage()).contains("input text failed review").contains("nothing was billed");
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void anInvalidRequestFailsBeforeAnythingIsSent() throws Exception {
        JobManager manager = manager(server.client(clock));
        JobSnapshot failed = await(manager, manager.submit(request("INVALID prompt")));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("invalid-request");
        assertThat(server.submitCalls()).isZero();
    }

    @Test
    void twoResumesAtOnceStartEachJobOnceAndLeakNoServerSlot() throws Exception {
        JobStore store = store();
        Instant t = clock.instant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // tasks at the server, left by a process killed with -9
            JobRecord job = store.create(request("left generating " + i), null, t, "dead", t);
            store.markSubmitting(job.id(), "dead", t, "jimeng_t2v_v30", 42L);
            store.recordTaskId(job.id(), "20" + i, "r" + i, t);
            store.transition(job.id(), "dead", JobState.GENERATING, t, JobChanges.none());
            server.preload("20" + i, false);
            ids.add(job.id());
        }
        clock.advance(Duration.ofSeconds(1));
        JobManager manager = manager(store, server.client(clock), clock, settings("restarted"));

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<List<String>>> resumes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            resumes.add(two.submit(() -> {
                together.await();
                return manager.resumeAll();
            }));
        }
        for (var resume : resumes) {
            assertThat(resume.get(20, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(ids);
        }
        two.shutdown();
        for (String id : ids) {
            assertThat(await(manager, id).state()).isEqualTo(JobState.DONE);
        }
        // every reserved slot was given back: a new job is sent
        JobSnapshot fresh = await(manager, manager.submit(request("after the resumes")));
        assertThat(fresh.state()).isEqualTo(JobState.DONE);
        assertThat(server.submitCalls()).as("only the new job was sent").isEqualTo(1);
    }

    @Test
    void aVideoRenamedIntoPlaceJustBeforeACrashIsRecordedNotDownloadedTwice() throws Exception {
        JobStore store = store();
        Instant t = clock.instant();
        Path video = home.resolve("videos/finished.mp4");
        JobRecord job = store.create(request("renamed, then killed"), null, t, "dead", t);
        store.markSubmitting(job.id(), "dead", t, "jimeng_t2v_v30", 42L);
        store.recordTaskId(job.id(), "1003", "r3", t);
        store.transition(job.id(), "dead", JobState.DOWNLOADING, t, JobChanges.output(video));
        Files.createDirectories(video.getParent());
        byte[] bytes = VideoServer.video("1003", 5000);
        Files.write(video, bytes);
        server.preload("1003", true); // the server would answer, but must not be asked

        clock.advance(Duration.ofSeconds(1));
        JobManager manager = manager(store, server.client(clock), clock, settings("restarted"));
        manager.resumeAll();
        JobSnapshot done = await(manager, job.id());

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.outputPath()).isEqualTo(video);
        assertThat(done.sha256())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(bytes)));
        assertThat(server.polls("1003")).as("nothing asked of the server").isZero();
        try (var files = Files.list(video.getParent())) {
            assertThat(files).containsExactly(video);
        }
    }

    @Test
    void afterACrashEveryUnfinishedJobIsCarriedToItsEndWithoutASecondSubmit() throws Exception {
        JobStore store = store();
        Instant t = clock.instant();
        // what a process killed with -9 left behind: leases of a dead owner, expired by now
        JobRecord polling = store.create(request("was generating"), null, t, "dead", t);
        store.markSubmitting(polling.id(), "dead", t, "jimeng_t2v_v30", 42L);
        store.recordTaskId(polling.id(), "1001", "r1", t);
        store.transition(polling.id(), "dead", JobState.GENERATING, t, JobChanges.none());
        server.preload("1001", false);

        JobRecord sending = store.create(request("was submitting"), null, t, "dead", t);
        store.markSubmitting(sending.id(), "dead", t, "jimeng_t2v_v30", 42L);

        JobRecord downloading = store.create(request("was downloading"), null, t, "dead", t);
        store.markSubmitting(downloading.id(), "dead", t, "jimeng_t2v_v30", 42L);
        store.recordTaskId(downloading.id(), "1002", "r2", t);
        store.transition(
                downloading.id(),
                "dead",
                JobState.DOWNLOADING,
                t,
                JobChanges.output(home.resolve("videos/partial.mp4")));
        Files.createDirectories(home.resolve("videos"));
        Files.writeString(home.resolve("videos/partial.mp4"), "half a vid");
        server.preload("1002", true);

        JobRecord queued = store.create(request("was queued"), null, t, "dead", t);

        clock.advance(Duration.ofSeconds(1));
        JobManager manager = manager(store, server.client(clock), clock, settings("restarted"));
        assertThat(manager.resumeAll()).containsExactly(polling.id(), sending.id(), downloading.id(), queued.id());

        assertThat(await(manager, polling.id()).state()).isEqualTo(JobState.DONE);
        JobSnapshot unknown = await(manager, sending.id());
        assertThat(unknown.state()).isEqualTo(JobState.SUBMIT_UNKNOWN);
        assertThat(unknown.errorMessage()).contains("not sent again");
        JobSnapshot redownloaded = await(manager, downloading.id());
        assertThat(redownloaded.state()).isEqualTo(JobState.DONE);
        assertThat(redownloaded.outputPath()).isEqualTo(home.resolve("videos/partial.mp4"));
        assertThat(Files.readAllBytes(redownloaded.outputPath()))
                .isEqualTo(VideoServer.video("1002", video.videoBytes));
        assertThat(await(manager, queued.id()).state()).isEqualTo(JobState.DONE);

        assertThat(server.submitCalls()).as("only the job that was never sent").isEqualTo(1);
        assertThat(server.accepted).extracting(SubmitBody::prompt).containsExactly("was queued");
    }

    @Test
    void pollBackoffGrowsExponentiallyWithJitterAndIsBounded() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.pollErrors.add(Errors.qpsLimit());
            server.pollErrors.add(Errors.internal());
        }
        JobManager manager = manager(server.client(clock));

        assertThat(await(manager, manager.submit(request("busy server"))).state())
                .isEqualTo(JobState.DONE);

        List<Duration> backoffs = clock.sleeps().subList(0, 8);
        for (int i = 0; i < backoffs.size(); i++) {
            Duration ceiling = Duration.ofSeconds(Math.min(10, 1L << i));
            assertThat(backoffs.get(i)).isBetween(ceiling.dividedBy(2), ceiling);
        }
        // four rate limits (50429) slowed the account's polling down 2^4 times, to at most 8 times
        assertThat(clock.sleeps().subList(8, clock.sleeps().size()))
                .allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(5).multipliedBy(8)));
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aPollsRoundTripCountsTowardTheWaitBeforeTheNext() throws Exception {
        server.pollsUntilDone = 3;
        ScriptedServer.Client api = server.client(clock);
        api.beforePoll = () -> clock.advance(Duration.ofMillis(300)); // each answer takes 0.3 s
        JobManager manager = manager(api);

        assertThat(await(manager, manager.submit(request("slow answers"))).state())
                .isEqualTo(JobState.DONE);

        // polls go out every 5 s (the interval), not every 5.3 s
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(4700), Duration.ofMillis(4700));
    }

    @Test
    void backoffCeilingsDoubleUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(1));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream().map(backoff::ceiling))
                .containsExactly(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        for (int attempt = 1; attempt < 50; attempt++) {
            assertThat(backoff.delay(attempt))
                    .isBetween(backoff.ceiling(attempt).dividedBy(2), backoff.ceiling(attempt));
        }
    }

    @Test
    void tooManyPollErrorsInARowFailTheJobAndRetryPollsTheSameTaskAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.pollErrors.add(Errors.internal());
        }
        JobManager manager = manager(
                store(),
                server.client(clock),
                clock,
                settings("p").withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 3));

        String id = manager.submit(request("flaky"));
        JobSnapshot failed = await(manager, id);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("50500");
        assertThat(failed.errorMessage()).contains("4 times in a row").doesNotContain("jimeng");
        assertThat(failed.stopReason()).isEqualTo(StopReason.POLL_GAVE_UP);
        assertThat(NextSteps.of(failed, clock.instant())).startsWith(NextSteps.Step.POLL_AGAIN);

        assertThat(manager.retry(id, false)).isEqualTo(id);
        JobSnapshot done = await(manager, id);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.taskId()).isEqualTo(failed.taskId());
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aTaskThatFailsAtTheServerStopsPollingAndOnlyAResubmitCanHelp() throws Exception {
        ScriptedServer.Client api = server.client(clock);
        api.beforeSubmit = () -> {};
        server.pollsUntilDone = 5;
        JobManager manager = manager(api);
        // fail the task on its second poll (set before the submit: the job polls as soon as it can)
        api.beforePoll = () -> server.tasks.values().forEach(t -> {
            if (t.polls == 1) {
                t.failure = Errors.videoReview();
            }
        });
        String id = manager.submit(request("reviewed"));

        JobSnapshot failed = await(manager, id);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("50516");
        assertThat(failed.errorMessage()).contains("output video failed review");
        assertThat(server.polls(failed.taskId())).isEqualTo(2);
        assertThat(failed.stopReason()).isEqualTo(StopReason.CONTENT_REJECTED);
        // the same prompt meets the same review: neither a free retry nor a billed re-submit is offered
        assertThat(NextSteps.of(failed, clock.instant())).isEmpty();
        assertThatThrownBy(() -> manager.retry(id, false))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CHANGE_THE_REQUEST));
        assertThatThrownBy(() -> manager.retry(id, true)).isInstanceOf(JobRefusedException.class);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aTaskTheServerNoLongerKnowsIsExpiredWithAnExplanation() throws Exception {
        ScriptedServer.Client api = server.client(clock);
        api.beforePoll = () -> server.tasks.values().forEach(t -> t.forcedStatus = dev.jimeng.api.TaskStatus.NOT_FOUND);
        JobManager manager = manager(api);

        JobSnapshot expired = await(manager, manager.submit(request("forgotten")));

        assertThat(expired.state()).isEqualTo(JobState.EXPIRED);
        assertThat(expired.errorCode()).isEqualTo("not_found");
        assertThat(expired.errorMessage()).contains("12 hours");
        assertThat(expired.stopReason()).isEqualTo(StopReason.TASK_GONE);
        assertThat(NextSteps.of(expired, clock.instant())).containsExactly(NextSteps.Step.RESUBMIT);
        assertThat(server.polls(expired.taskId())).isEqualTo(1);
    }

    @Test
    void pollingGivesUpAfterTheMaximumAttemptsWithoutFailingTheTask() throws Exception {
        server.pollsUntilDone = 1000;
        JobManager manager =
                manager(store(), server.client(clock), clock, settings("p").withMaxPollAttempts(4));

        String id = manager.submit(request("slow"));
        JobSnapshot gaveUp = await(manager, id);

        assertThat(gaveUp.state()).isEqualTo(JobState.FAILED);
        assertThat(gaveUp.errorCode()).isEqualTo("poll-timeout");
        assertThat(gaveUp.errorMessage()).contains("4 polls").contains("may still finish");
        assertThat(gaveUp.stopReason()).isEqualTo(StopReason.POLL_GAVE_UP);
        assertThat(server.polls(gaveUp.taskId())).isEqualTo(4);
        assertThat(clock.sleeps()).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void anExpiredVideoUrlIsReplacedByAFreshOne() throws Exception {
        video.firstUrlExpired = true;
        ScriptedServer.Client api = server.client(clock);
        JobManager manager = manager(api);

        JobSnapshot done = await(manager, manager.submit(request("late download")));

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(video.expiredAnswers.get()).isEqualTo(1);
        assertThat(server.tasks.get(done.taskId()).urlVersion).isEqualTo(2);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aDoneVideoCanBeDownloadedAgainWithinTwelveHoursButNotAfter() throws Exception {
        JobManager manager = manager(server.client(clock));
        String id = manager.submit(request("keep"));
        JobSnapshot done = await(manager, id);
        Files.delete(done.outputPath());

        assertThat(manager.redownload(id)).isEqualTo(id);
        assertThat(await(manager, id).state()).isEqualTo(JobState.DONE);
        assertThat(done.outputPath()).exists();

        clock.advance(Duration.ofHours(13));
        assertThatThrownBy(() -> manager.redownload(id))
                .isInstanceOfSatisfying(
                        JobRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.TASK_GONE));
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aSecondProcessWaitsForTheOwnersLeaseToExpireBeforeTakingOver() throws Exception {
        JobStore storeA = store();
        ManualClock clockA = new ManualClock();
        ScriptedServer.Client apiA = server.client(clockA);
        CountDownLatch hang = new CountDownLatch(1);
        apiA.beforePoll = () -> {
            try {
                hang.await(); // process A stops answering: like a frozen or killed process
            } catch (InterruptedException e) {
                throw new ApiException(Errors.connectionRefused());
            }
        };
        JobManager a = manager(storeA, apiA, clockA, settings("process-a"));
        String id = a.submit(request("shared job"));
        while (storeA.get(id).orElseThrow().taskId() == null || apiA.polls.get() == 0) {
            Thread.onSpinWait();
        }
        Instant leaseEnd = storeA.get(id).orElseThrow().leaseExpiresAt();

        ManualClock clockB = new ManualClock();
        ScriptedServer.Client apiB = server.client(clockB);
        JobManager b = manager(store(), apiB, clockB, settings("process-b"));
        assertThat(b.resumeAll()).containsExactly(id);
        JobSnapshot done = await(b, id);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(apiB.firstPollAt).isAfterOrEqualTo(leaseEnd);
        assertThat(apiB.submits.get()).isZero();
        assertThat(server.submitCalls()).isEqualTo(1);
        hang.countDown();
    }

    @Test
    void closingDuringASubmitKeepsItsTaskIdAndTheNextStartCarriesItOn() throws Exception {
        JobStore store = store();
        ScriptedServer.Client api = server.client(clock);
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        api.beforeSubmit = () -> {
            sending.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                throw new ApiException(Errors.readTimeoutAfterSending());
            }
        };
        JobManager first = manager(store, api, clock, settings("first").withServerConcurrency(1));
        String id = first.submit(request("in flight at close"));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        String waiting = first.submit(request("still queued at close"));
        while (first.tasksWaitingForSlot() == 0) {
            Thread.onSpinWait();
        }

        Thread closer = Thread.ofVirtual().start(first::close);
        while (!first.closing()) {
            Thread.onSpinWait();
        }
        answer.countDown(); // the server answers while jimeng is closing
        closer.join();

        JobRecord afterClose = store.get(id).orElseThrow();
        assertThat(afterClose.taskId()).isNotNull();
        assertThat(afterClose.state()).isEqualTo(JobState.IN_QUEUE);
        assertThat(afterClose.leaseOwner()).isNull();
        assertThat(store.get(waiting).orElseThrow().state()).isEqualTo(JobState.QUEUED);

        ScriptedServer.Client nextApi = server.client(clock);
        JobManager next = manager(store, nextApi, clock, settings("next"));
        assertThat(next.resumeAll()).containsExactlyInAnyOrder(id, waiting);
        assertThat(await(next, id).state()).isEqualTo(JobState.DONE);
        assertThat(await(next, waiting).state()).isEqualTo(JobState.DONE);
        assertThat(server.submitCalls()).isEqualTo(2);
        assertThat(server.accepted)
                .extracting(SubmitBody::prompt)
                .containsExactly("in flight at close", "still queued at close");
    }

    @Test
    void twoHundredJobsAllFinishQuickly() throws Exception {
        video.videoBytes = 2_000;
        server.concurrencyLimit = 2;
        JobManager manager = manager(server.client(clock));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(manager.submit(request("bulk " + i)));
        }
        for (String id : ids) {
            assertThat(await(manager, id).state()).isEqualTo(JobState.DONE);
        }
        assertThat(server.submitCalls()).isEqualTo(200);
        assertThat(server.rejectedForConcurrency()).isZero();
        assertThat(manager.jobs()).hasSize(200).allMatch(s -> s.state() == JobState.DONE);
    }
}
