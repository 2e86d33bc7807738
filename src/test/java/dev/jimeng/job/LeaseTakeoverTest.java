package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job whose owning jimeng process died is taken over at once; a live owner's lease is respected. */
class LeaseTakeoverTest {
    private static final Duration TTL = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private VideoServer video;
    private ScriptedServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

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

    @Test
    void aJobLeasedByAProcessThatDiedIsTakenOverWithoutWaitingForTheLease() throws Exception {
        long deadPid = deadPid();
        Owner a = ownerThatStopsAnswering("pid" + deadPid + "-0badc0de");

        ManualClock clockB = new ManualClock();
        ScriptedServer.Client apiB = server.client(clockB);
        JobManager b = manager(apiB, clockB, EngineSettings.newOwnerId());
        assertThat(b.resumeAll()).containsExactly(a.jobId);
        JobSnapshot done = b.whenTerminal(a.jobId).get(20, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(apiB.firstPollAt).isBefore(a.leaseEnd);
        assertThat(apiB.submits.get()).isZero();
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void aJobLeasedByADeadOwnerWhosePidWasReusedIsTakenOverWithoutWaiting() throws Exception {
        // this JVM's pid, but a start time an hour earlier: the owner died and its pid went to us
        long me = ProcessHandle.current().pid();
        long myStart =
                ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Owner a = ownerThatStopsAnswering("pid" + me + "-s" + (myStart - 3_600_000) + "-0badc0de");

        ManualClock clockB = new ManualClock();
        ScriptedServer.Client apiB = server.client(clockB);
        JobManager b = manager(apiB, clockB, EngineSettings.newOwnerId());
        assertThat(b.resumeAll()).containsExactly(a.jobId);
        JobSnapshot done = b.whenTerminal(a.jobId).get(20, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(apiB.firstPollAt).isBefore(a.leaseEnd);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void whileALiveOwnerHoldsTheJobItsSnapshotsSayWhoAndUntilWhen() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        long parentStart =
                parent.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Owner a = ownerThatStopsAnswering("pid" + parent.pid() + "-s" + parentStart + "-0a11fe00");

        ManualClock clockB = new ManualClock();
        ScriptedServer.Client apiB = server.client(clockB);
        JobManager b = manager(apiB, clockB, EngineSettings.newOwnerId());
        List<JobSnapshot.LeaseWait> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.subscribe(snap -> {
            if (snap.waitingFor() != null) {
                waits.add(snap.waitingFor());
            }
        });
        b.resumeAll();
        JobSnapshot done = b.whenTerminal(a.jobId).get(20, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.waitingFor()).isNull();
        assertThat(waits).isNotEmpty().allSatisfy(w -> {
            assertThat(w.pid()).isEqualTo(parent.pid());
            assertThat(w.until()).isEqualTo(a.leaseEnd);
        });
    }

    @Test
    void aJobLeasedByAnotherLiveProcessIsOnlyTakenOverWhenItsLeaseRunsOut() throws Exception {
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        Owner a = ownerThatStopsAnswering("pid" + livePid + "-0a11fe00");

        ManualClock clockB = new ManualClock();
        ScriptedServer.Client apiB = server.client(clockB);
        JobManager b = manager(apiB, clockB, EngineSettings.newOwnerId());
        b.resumeAll();
        JobSnapshot done = b.whenTerminal(a.jobId).get(20, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(apiB.firstPollAt).isAfterOrEqualTo(a.leaseEnd);
        assertThat(server.submitCalls()).isEqualTo(1);
    }

    @Test
    void onlyOwnerIdsOfProcessesGoneFromThisMachineCountAsDead() throws Exception {
        assertThat(LeaseHolders.isDeadLocalProcess("pid" + deadPid() + "-ab")).isTrue();
        assertThat(LeaseHolders.isDeadLocalProcess(
                        "pid" + ProcessHandle.current().pid() + "-ab"))
                .isFalse();
        assertThat(LeaseHolders.isDeadLocalProcess("process-a")).isFalse();
        assertThat(LeaseHolders.isDeadLocalProcess(EngineSettings.newOwnerId())).isFalse();
        long me = ProcessHandle.current().pid();
        long myStart =
                ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        assertThat(LeaseHolders.isDeadLocalProcess("pid" + me + "-s" + myStart + "-ab"))
                .isFalse();
        assertThat(LeaseHolders.isDeadLocalProcess("pid" + me + "-s" + (myStart - 60_000) + "-ab"))
                .as("our pid with another start time: the owner died and the pid was reused")
                .isTrue();
        assertThat(EngineSettings.newOwnerId()).startsWith("pid" + me + "-s" + myStart + "-");
        assertThat(LeaseHolders.isDeadLocalProcess(null)).isFalse();
    }

    private record Owner(String jobId, Instant leaseEnd) {}

    /** Process A: submits one job, then hangs on its first poll like a frozen or killed process. */
    private Owner ownerThatStopsAnswering(String ownerId) throws Exception {
        ManualClock clockA = new ManualClock();
        ScriptedServer.Client apiA = server.client(clockA);
        CountDownLatch hang = new CountDownLatch(1);
        toClose.add(hang::countDown);
        apiA.beforePoll = () -> {
            try {
                hang.await();
            } catch (InterruptedException e) {
                throw new ApiException(Errors.connectionRefused());
            }
        };
        JobStore storeA = store();
        JobManager a = manager(storeA, apiA, clockA, ownerId);
        String id =
                a.submit(new GenerationRequest("t2v_720p", "shared job", 5, 24, "16:9", List.of(), 42L, null, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (storeA.get(id).orElseThrow().taskId() == null || apiA.polls.get() == 0) {
            assertThat(System.nanoTime() - deadline).as("A polls its task").isNegative();
            Thread.onSpinWait();
        }
        return new Owner(id, storeA.get(id).orElseThrow().leaseExpiresAt());
    }

    /** The pid of a process that has just exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    private JobStore store() {
        JobStore store = JobStore.open(home);
        toClose.add(store);
        return store;
    }

    private JobManager manager(ScriptedServer.Client api, ManualClock time, String owner) {
        return manager(store(), api, time, owner);
    }

    private JobManager manager(JobStore store, ScriptedServer.Client api, ManualClock time, String owner) {
        JobManager manager = new JobManager(
                store,
                api,
                r -> new SubmitBody("jimeng_t2v_v30", r.prompt(), null, null, 42L, 121, "16:9", null, null),
                new HttpVideoFetcher(),
                s -> home.resolve("videos").resolve(s.id() + ".mp4"),
                time,
                time,
                EngineSettings.defaults().withLease(owner, TTL),
                new Random(7));
        toClose.add(manager);
        return manager;
    }
}
