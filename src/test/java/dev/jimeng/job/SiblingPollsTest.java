package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks of one kind sent together without history take turns looking at the server, and the first seen
 * done tells the others, which look at once: against a real sandbox and journal, on the real clock.
 */
class SiblingPollsTest {
    private static final Duration POLL = Duration.ofSeconds(20);
    private static final int JOBS = 8;

    @Test
    void theFirstOfASetSeenDoneMakesTheOthersLookLongBeforeTheirNextPoll(@TempDir Path dir) throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(100))
                .concurrencyLimit(JOBS)
                .qpsLimit(100_000)
                .build();
        try (SandboxServer sandbox = SandboxServer.start(config);
                SandboxEngine engine = new SandboxEngine(
                        sandbox, dir, SandboxEngine.quickSettings(JOBS).withPollInterval(POLL))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(engine.jobs.submit(SandboxEngine.request("sibling " + i)));
            }
            List<Duration> seenAfter = new ArrayList<>();
            for (String id : ids) {
                // polled at the fixed interval, each would wait 20 s; taking turns, the last of 8 looks
                // after 2.5 s, and its news ends every other wait
                JobSnapshot done = engine.jobs.whenTerminal(id).get(POLL.toSeconds(), TimeUnit.SECONDS);
                assertThat(done.state()).isEqualTo(JobState.DONE);
                seenAfter.add(Duration.between(
                        done.stateTimes().get(JobState.IN_QUEUE),
                        done.stateTimes().get(JobState.DOWNLOADING)));
            }

            assertThat(seenAfter).allSatisfy(d -> assertThat(d).isLessThan(POLL.dividedBy(4)));
            // one poll at once, one at its turn (or its news), and the one that saw it done
            assertThat(sandbox.getResultCount()).isLessThanOrEqualTo(3 * JOBS);
        }
    }
}
