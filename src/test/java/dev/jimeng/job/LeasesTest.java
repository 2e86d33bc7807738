package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeasesTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T04:00:00Z"));
    private final EngineSettings settings = EngineSettings.defaults();
    private final Duration ttl = settings.leaseTtl();
    private JobStore store;
    private Leases leases;

    @BeforeEach
    void open() {
        store = JobStore.open(home);
        leases = new Leases(store, clock, settings);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aJobThisProcessQueuedMomentsAgoIsOursWithoutAnotherWrite() {
        // queued with our lease, its run starts a moment later: on the first wave's path, where each
        // write waits its turn behind the others' syncs
        JobRecord job = queued(settings.ownerId(), clock.instant().plus(ttl));
        clock.advance(ttl.dividedBy(8));

        assertThat(leases.acquire(store.get(job.id()).orElseThrow())).isTrue();

        assertThat(store.get(job.id()).orElseThrow().leaseExpiresAt())
                .as("unchanged: not written again")
                .isEqualTo(job.leaseExpiresAt());
    }

    @Test
    void aLeaseOfOursLastWrittenOverAQuarterOfItsTimeAgoIsExtended() {
        JobRecord job = queued(settings.ownerId(), clock.instant().plus(ttl));
        clock.advance(ttl.dividedBy(4).plusMillis(1));

        assertThat(leases.acquire(store.get(job.id()).orElseThrow())).isTrue();

        assertThat(store.get(job.id()).orElseThrow().leaseExpiresAt())
                .isEqualTo(clock.instant().plus(ttl));
    }

    @Test
    void aLeaseAnotherLiveProcessHoldsIsNotTaken() {
        JobRecord job = queued(EngineSettings.newOwnerId(), clock.instant().plus(ttl));

        assertThat(leases.acquire(store.get(job.id()).orElseThrow())).isFalse();
    }

    private JobRecord queued(String owner, Instant leaseUntil) {
        GenerationRequest request =
                new GenerationRequest("t2v_720p", "a lease", 5, 24, "16:9", List.of(), 42L, null, null);
        return store.create(request, null, clock.instant(), owner, leaseUntil);
    }
}
