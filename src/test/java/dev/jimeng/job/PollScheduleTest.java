package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Duration POLL = Duration.ofSeconds(5);

    /** The times (since the accepted submit) at which a task is polled, until {@code until}. */
    private static List<Double> pollTimes(Optional<Duration> expected, Duration until, double slowdown) {
        List<Double> times = new ArrayList<>();
        Duration at = Duration.ZERO;
        while (true) {
            at = at.plus(PollSchedule.nextWait(at, expected, POLL, slowdown));
            if (at.compareTo(until) > 0) {
                return times;
            }
            times.add(at.toMillis() / 1000.0);
        }
    }

    @Test
    void withoutHistoryEveryPollInterval() {
        assertThat(pollTimes(Optional.empty(), Duration.ofSeconds(20), 1)).containsExactly(5.0, 10.0, 15.0, 20.0);
    }

    @Test
    void sparseBeforeTheExpectedEndThenDenseThenNeverSparserThanThePollInterval() {
        List<Double> times = pollTimes(Optional.of(Duration.ofSeconds(40)), Duration.ofSeconds(60), 1);

        // half-way, one dense gap (a twentieth: 2 s) before the expected end, then gaps that double up to
        // the 5 s interval
        assertThat(times).containsExactly(20.0, 38.0, 40.0, 42.0, 46.0, 51.0, 56.0);
    }

    @Test
    void aShortTaskIsPolledDenselyNearItsEndButNotFasterThanTheMinimumGap() {
        List<Double> times = pollTimes(Optional.of(Duration.ofMillis(300)), Duration.ofMillis(500), 1);

        // a twentieth would be 15 ms: the minimum gap of 20 ms holds
        assertThat(times).containsExactly(0.15, 0.28, 0.3, 0.32, 0.36, 0.44);
    }

    @Test
    void aResumedTaskLongOverdueIsPolledAtThePollInterval() {
        assertThat(PollSchedule.nextWait(Duration.ofMinutes(10), Optional.of(Duration.ofMinutes(1)), POLL, 1))
                .isEqualTo(POLL);
    }

    @Test
    void aRateLimitedAccountStretchesEveryWait() {
        assertThat(PollSchedule.nextWait(Duration.ZERO, Optional.empty(), POLL, 4))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(PollSchedule.nextWait(Duration.ofSeconds(60), Optional.of(Duration.ofSeconds(100)), POLL, 2))
                .isEqualTo(Duration.ofSeconds(70)); // (95 s - 60 s) x 2
    }

    @Test
    void rateLimitsDoubleTheAccountsFactorWhichHalvesAgainAfterEachCalmPeriod() {
        AccountPace pace = new AccountPace();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(pace.factor(t)).isEqualTo(1);

        pace.rateLimited(t);
        pace.rateLimited(t);
        assertThat(pace.factor(t)).isEqualTo(4);
        assertThat(pace.factor(t.plus(AccountPace.CALM))).isEqualTo(2);
        assertThat(pace.factor(t.plus(AccountPace.CALM.multipliedBy(5)))).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            pace.rateLimited(t);
        }
        assertThat(pace.factor(t)).isEqualTo(AccountPace.MAX_FACTOR);
    }

    @Test
    void theLowEstimateIsTheTenthPercentileOfTheHistory() {
        List<Duration> history = new ArrayList<>();
        for (int s = 100; s > 80; s--) {
            history.add(Duration.ofSeconds(s));
        }
        assertThat(TaskDurations.lowQuantile(history)).contains(Duration.ofSeconds(82));
        assertThat(TaskDurations.lowQuantile(List.of())).isEmpty();
    }
}
