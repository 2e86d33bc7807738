package dev.jimeng.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.request.GenerationRequest;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {
    private static final Duration TTL = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock();

    private static GenerationRequest request(String prompt) {
        return new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), 42L, null, null);
    }

    private JobRecord create(JobStore store, String prompt, String owner) {
        return store.create(
                request(prompt), null, clock.instant(), owner, clock.instant().plus(TTL));
    }

    @Test
    void aFreshDatabaseGetsTheLatestSchemaInWalMode() throws Exception {
        try (JobStore store = JobStore.open(home)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.ALL.size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(JobStore.FILE_NAME));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void anExistingVersionOneDatabaseIsUpgradedAndKeepsItsJobs() throws Exception {
        JobStore.open(home, List.of(Migrations.ALL.get(0))).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(JobStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO jobs (id, created_at, updated_at, mode, prompt, request_json, state,"
                    + " state_times, task_id) VALUES ('abcdefgh', 1000, 3000, 't2v_720p', 'old cat',"
                    + " '{\"mode\":\"t2v_720p\",\"prompt\":\"old cat\"}', 'done',"
                    + " '{\"queued\":1000,\"in_queue\":2000,\"done\":3000}', '7392616336519610409')");
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }

        try (JobStore store = JobStore.open(home)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.ALL.size());
            JobRecord old = store.get("abcdefgh").orElseThrow();
            assertThat(old.taskId()).isEqualTo("7392616336519610409");
            assertThat(old.request().prompt()).isEqualTo("old cat");
            assertThat(store.history("abcdefgh"))
                    .extracting(JobTransition::state)
                    .containsExactly(JobState.QUEUED, JobState.IN_QUEUE, JobState.DONE);
        }
    }

    @Test
    void jobsFromBeforeProfilesBelongToTheDefaultProfileAndAStoreSeesOnlyItsProfilesJobs() throws Exception {
        int beforeProfiles = Migrations.ALL.indexOf(Migrations.ALL.stream()
                .filter(m -> m.contains("ADD COLUMN profile"))
                .findFirst()
                .orElseThrow());
        JobStore.open(home, Migrations.ALL.subList(0, beforeProfiles)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(JobStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO jobs (id, created_at, updated_at, mode, prompt, request_json, state,"
                    + " state_times, task_id) VALUES ('abcdefgh', 1000, 3000, 't2v_720p', 'old cat',"
                    + " '{\"mode\":\"t2v_720p\",\"prompt\":\"old cat\"}', 'in_queue',"
                    + " '{\"queued\":1000,\"in_queue\":2000}', '7392616336519610409')");
        }

        try (JobStore work = JobStore.open(home, "work")) {
            JobRecord mine = work.create(request("a work cat"), null, clock.instant(), null, null);
            assertThat(work.list(JobQuery.newest(50))).extracting(JobRecord::id).containsExactly(mine.id());
            assertThat(work.unfinished()).extracting(JobRecord::id).containsExactly(mine.id());
            assertThat(work.count()).isEqualTo(1);
            assertThatThrownBy(() -> work.find("abcdefgh"))
                    .isInstanceOf(OtherProfileJobException.class)
                    .hasMessageContaining("belongs to profile default");
        }
        try (JobStore store = JobStore.open(home)) {
            assertThat(store.unfinished()).extracting(JobRecord::id).containsExactly("abcdefgh");
            assertThat(store.find("abcd")).isPresent();
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void aJournalFromANewerJimengIsRefusedInsteadOfDamaged() throws Exception {
        JobStore.open(home).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(JobStore.FILE_NAME));
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> JobStore.open(home))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer jimeng");
    }

    @Test
    void aRecordedTaskIdIsOnDiskBeforeRecordTaskIdReturns() {
        JobStore writer = JobStore.open(home);
        JobRecord job = create(writer, "a cat", "me");
        writer.markSubmitting(job.id(), "me", clock.instant(), "jimeng_t2v_v30", 42L);
        writer.recordTaskId(job.id(), "7392616336519610409", "req-1", clock.instant());

        // the writer is never closed: as if the process were killed right after the call returned
        try (JobStore reader = JobStore.open(home)) {
            JobRecord seen = reader.get(job.id()).orElseThrow();
            assertThat(seen.taskId()).isEqualTo("7392616336519610409");
            assertThat(seen.requestId()).isEqualTo("req-1");
            assertThat(seen.reqKey()).isEqualTo("jimeng_t2v_v30");
            assertThat(seen.state()).isEqualTo(JobState.IN_QUEUE);
            assertThat(seen.submitAttempts()).isEqualTo(1);
            assertThat(seen.submittedAt()).isEqualTo(clock.instant());
        } finally {
            writer.close();
        }
    }

    @Test
    void aJobKeepsItsParametersAndTheTimeOfEveryState() {
        try (JobStore store = JobStore.open(home)) {
            GenerationRequest asked = new GenerationRequest(
                    "i2v_recamera_720p", "dolly in", 5, 24, null, List.of("/pics/a.png"), 7L, "robo_arm", "weak");
            JobRecord job = store.create(
                    asked, null, clock.instant(), "me", clock.instant().plus(TTL));
            clock.advance(Duration.ofSeconds(1));
            store.markSubmitting(job.id(), "me", clock.instant(), "jimeng_i2v_recamera_v30", 7L);
            clock.advance(Duration.ofSeconds(1));
            store.recordTaskId(job.id(), "t-1", "r-1", clock.instant());
            clock.advance(Duration.ofSeconds(60));
            store.transition(
                    job.id(), "me", JobState.DOWNLOADING, clock.instant(), JobChanges.output(Path.of("/out/a.mp4")));
            // seen done: its time counts while it downloads (the next task of its kind polls by it)
            assertThat(store.recentGenerationTimes("i2v_recamera_720p", null, 5, 10))
                    .containsExactly(Duration.ofSeconds(60));
            clock.advance(Duration.ofSeconds(2));
            store.transition(
                    job.id(),
                    "me",
                    JobState.DONE,
                    clock.instant(),
                    JobChanges.verified(Path.of("/out/a.mp4"), 1234, "ab".repeat(32)));

            JobRecord done = store.get(job.id()).orElseThrow();
            assertThat(done.request()).isEqualTo(asked);
            assertThat(done.seed()).isEqualTo(7L);
            assertThat(done.outputPath()).isEqualTo(Path.of("/out/a.mp4"));
            assertThat(done.bytes()).isEqualTo(1234);
            assertThat(done.sha256()).isEqualTo("ab".repeat(32));
            assertThat(done.downloadAttempts()).isEqualTo(1);
            assertThat(done.stateTimes())
                    .containsOnlyKeys(
                            JobState.QUEUED,
                            JobState.SUBMITTING,
                            JobState.IN_QUEUE,
                            JobState.DOWNLOADING,
                            JobState.DONE)
                    .containsEntry(JobState.DONE, clock.instant());
            assertThat(store.recentGenerationTimes("i2v_recamera_720p", null, 5, 10))
                    .containsExactly(Duration.ofSeconds(60));
            assertThat(store.recentGenerationTimes(
                            "i2v_recamera_720p", done.request().durationSeconds(), 5, 10))
                    .containsExactly(Duration.ofSeconds(60));
            assertThat(store.recentGenerationTimes("i2v_recamera_720p", 99, 5, 10))
                    .isEmpty();
            assertThat(store.recentGenerationTimes("t2v_720p", null, 5, 10)).isEmpty();
        }
    }

    @Test
    void onlyOneOwnerHoldsALeaseUntilItExpiresThenTheOtherTakesOver() {
        try (JobStore a = JobStore.open(home);
                JobStore b = JobStore.open(home)) {
            JobRecord job = create(a, "shared", null);
            Instant t0 = clock.instant();

            assertThat(a.tryAcquireLease(job.id(), "process-a", t0, TTL)).isTrue();
            assertThat(b.tryAcquireLease(job.id(), "process-b", t0, TTL)).isFalse();
            assertThat(b.tryAcquireLease(job.id(), "process-b", t0.plus(TTL).minusMillis(1), TTL))
                    .isFalse();
            assertThat(a.renewLease(job.id(), "process-a", t0.plus(Duration.ofSeconds(30)), TTL))
                    .isTrue();
            assertThat(b.tryAcquireLease(job.id(), "process-b", t0.plus(TTL), TTL))
                    .as("renewed by a, so not yet expired")
                    .isFalse();

            Instant afterExpiry = t0.plus(Duration.ofSeconds(30)).plus(TTL);
            assertThat(b.tryAcquireLease(job.id(), "process-b", afterExpiry, TTL))
                    .isTrue();
            assertThat(a.renewLease(job.id(), "process-a", afterExpiry, TTL)).isFalse();
            assertThatThrownBy(() ->
                            a.transition(job.id(), "process-a", JobState.SUBMITTING, afterExpiry, JobChanges.none()))
                    .isInstanceOf(LeaseLostException.class);
            assertThat(b.get(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

            b.releaseLease(job.id(), "process-b");
            assertThat(a.tryAcquireLease(job.id(), "process-a", afterExpiry, TTL))
                    .isTrue();
        }
    }

    @Test
    void concurrentOwnersNeverBothWinTheSameLease() throws Exception {
        try (JobStore a = JobStore.open(home);
                JobStore b = JobStore.open(home)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(create(a, "job " + i, null).id());
            }
            List<String> wonByA = new ArrayList<>();
            List<String> wonByB = new ArrayList<>();
            Thread ta = Thread.ofVirtual()
                    .start(() -> ids.forEach(id -> {
                        if (a.tryAcquireLease(id, "a", clock.instant(), TTL)) {
                            wonByA.add(id);
                        }
                    }));
            Thread tb = Thread.ofVirtual().start(() -> ids.reversed().forEach(id -> {
                if (b.tryAcquireLease(id, "b", clock.instant(), TTL)) {
                    wonByB.add(id);
                }
            }));
            ta.join();
            tb.join();
            assertThat(wonByA.stream().filter(wonByB::contains)).isEmpty();
            assertThat(wonByA.size() + wonByB.size()).isEqualTo(ids.size());
        }
    }

    @Test
    void listFiltersByStateAndPromptTextNewestFirst() {
        try (JobStore store = JobStore.open(home)) {
            JobRecord cat = create(store, "a cat on a roof", "me");
            clock.advance(Duration.ofSeconds(1));
            JobRecord dog = create(store, "a dog in 100% sun", "me");
            clock.advance(Duration.ofSeconds(1));
            JobRecord bigCat = create(store, "A CAT in snow", "me");
            store.transition(
                    dog.id(),
                    "me",
                    JobState.FAILED,
                    clock.instant(),
                    JobChanges.stopped(StopReason.CONTENT_REJECTED, "50412", "no"));

            assertThat(store.list(JobQuery.newest(10)))
                    .extracting(JobRecord::id)
                    .containsExactly(bigCat.id(), dog.id(), cat.id());
            assertThat(store.list(JobQuery.newest(10).withText("cat")))
                    .extracting(JobRecord::id)
                    .containsExactly(bigCat.id(), cat.id());
            assertThat(store.list(JobQuery.newest(10).withText("100%")))
                    .extracting(JobRecord::id)
                    .containsExactly(dog.id());
            assertThat(store.list(JobQuery.newest(10).withText("0%s"))).isEmpty();
            assertThat(store.list(JobQuery.newest(10).withStates(Set.of(JobState.FAILED, JobState.DONE))))
                    .extracting(JobRecord::id)
                    .containsExactly(dog.id());
            assertThat(store.list(JobQuery.newest(1))).extracting(JobRecord::id).containsExactly(bigCat.id());
            assertThat(store.unfinished()).extracting(JobRecord::id).containsExactly(cat.id(), bigCat.id());
            assertThat(store.get(dog.id()).orElseThrow().errorCode()).isEqualTo("50412");
        }
    }

    @Test
    void aJobIsFoundByItsIdOrAUniquePrefix() {
        try (JobStore store = JobStore.open(home)) {
            List<JobRecord> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                jobs.add(create(store, "p" + i, null));
            }
            JobRecord one = jobs.get(0);
            assertThat(one.id()).matches("[a-z2-7]{8}");
            assertThat(store.find(one.id())).contains(one);
            assertThat(store.find(one.id().substring(0, 7).toUpperCase())).contains(one);
            assertThat(store.find("zz%")).isEmpty();
            assertThat(store.find("")).isEmpty();

            // with 40 ids over 32 first letters, some first letter is shared
            String shared = jobs.stream()
                    .map(j -> j.id().substring(0, 1))
                    .filter(p -> jobs.stream().filter(j -> j.id().startsWith(p)).count() > 1)
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> store.find(shared))
                    .isInstanceOf(AmbiguousJobIdException.class)
                    .hasMessageContaining("type more characters");
        }
    }

    @Test
    void theJournalHasNoPlaceForUrlsKeysOrImageData() throws Exception {
        JobStore.open(home).close();
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(JobStore.FILE_NAME));
                Statement s = c.createStatement()) {
            for (String table : List.of("jobs", "transitions")) {
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        columns.add(rs.getString("name"));
                    }
                }
            }
        }
        assertThat(columns).contains("task_id", "request_json", "sha256");
        assertThat(columns)
                .noneMatch(name -> name.matches(
                        ".*(url|secret|access_key|token|signature|credential|base64|binary|authorization).*"));
    }
}
