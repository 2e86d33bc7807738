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
    private static List<Double> pollTimes(Optional<Duration> earliest, Duration until, double slowdown) {
        // a spread as wide as the expected time: the dense gap is the widest, 0.9 of the interval
        return pollTimesOf(earliest.map(e -> new ExpectedEnd(e, e)), until, slowdown);
    }

    private static List<Double> pollTimes(ExpectedEnd expected, Duration until) {
        return pollTimesOf(Optional.of(expected), until, 1);
    }

    private static List<Double> pollTimesOf(Optional<ExpectedEnd> expected, Duration until, double slowdown) {
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
    void aTaskOfUnderAMinuteAndAHalfIsFirstLookedAtATwentiethBeforeItsExpectedEnd() {
        List<Double> times = pollTimes(Optional.of(Duration.ofSeconds(40)), Duration.ofSeconds(60), 1);

        // nothing before 38 s (under 18 intervals), then every 4.5 s: just under the 5 s interval, as
        // these tasks vary widely
        assertThat(times).containsExactly(38.0, 42.5, 47.0, 51.5, 56.0);
    }

    @Test
    void aLongTaskIsLookedAtEvenlyBeforeItsEndNeverLeftUnaskedForMoreThan18Intervals() {
        List<Double> times = pollTimesOf(
                Optional.of(new ExpectedEnd(Duration.ofMinutes(5), Duration.ofMillis(200))),
                Duration.ofSeconds(301),
                1);

        // three looks split the 285 s before the early look (each wait under 90 s), then the early look
        // a twentieth (15 s) before the expected end, then dense polls from one gap (100 ms) before it
        assertThat(times).containsExactly(71.25, 142.5, 213.75, 285.0, 299.9, 300.0, 300.1, 300.3, 300.7);
        assertThat(PollSchedule.SPARSE_LOOK_INTERVALS).isEqualTo(18);
    }

    @Test
    void aShortTaskIsPolledDenselyNearItsEndButNotFasterThanTheMinimumGap() {
        List<Double> times = pollTimes(new ExpectedEnd(Duration.ofMillis(150), null), Duration.ofMillis(250));

        // a twentieth would be 7.5 ms: the minimum gap of 10 ms holds, then the gaps double while overdue
        assertThat(times).containsExactly(0.14, 0.15, 0.16, 0.18, 0.22);
        assertThat(PollSchedule.MIN_GAP).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void tasksThatAlwaysTakeTheSameTimeArePolledFromJustBeforeTheirEndAtTheMinimumGap() {
        // 10 s tasks seen done within a few ms of each other: a twentieth (500 ms) would overshoot by
        // 250 ms on average; half the spread (2.5 ms) is below the minimum gap, which holds. The look a
        // twentieth early stays.
        List<Double> times =
                pollTimes(new ExpectedEnd(Duration.ofMillis(10_020), Duration.ofMillis(5)), Duration.ofMillis(10_200));

        assertThat(times).containsExactly(9.519, 10.01, 10.02, 10.03, 10.05, 10.09, 10.17);
    }

    @Test
    void aDenseGapOverHalfTheEarlyOneStartsAtTheEarlyLookNotJustAfterIt() {
        // a twentieth is 5 s and half the spread 4 s: dense polls from one gap before the expected end
        // (96 s) would look again a second after the early look (95 s)
        List<Double> times =
                pollTimes(new ExpectedEnd(Duration.ofSeconds(100), Duration.ofSeconds(8)), Duration.ofSeconds(108));

        assertThat(times).containsExactly(47.5, 95.0, 99.0, 103.0, 107.5);
    }

    @Test
    void aLookJustBeforeASparseMarkCountsAsThatMark() {
        // the marks move as the history grows: a task that looked at 47.4 s, when the mark was there,
        // does not look again at 47.5 s once the history puts it there
        ExpectedEnd end = new ExpectedEnd(Duration.ofSeconds(100), Duration.ofSeconds(8));

        assertThat(PollSchedule.nextWait(Duration.ofMillis(47_400), Optional.of(end), POLL, 1))
                .isEqualTo(Duration.ofMillis(95_000 - 47_400));
        assertThat(PollSchedule.nextWait(Duration.ofSeconds(40), Optional.of(end), POLL, 1))
                .isEqualTo(Duration.ofMillis(7_500));
    }

    @Test
    void aModerateSpreadSetsTheDenseGapBetweenTheMinimumAndTheWidest() {
        // a spread of 200 ms: gaps of half of it
        List<Double> times =
                pollTimes(new ExpectedEnd(Duration.ofSeconds(10), Duration.ofMillis(200)), Duration.ofMillis(10_500));

        assertThat(times).containsExactly(9.5, 9.9, 10.0, 10.1, 10.3);
    }

    @Test
    void tasksThatGetFasterAreFollowedDownATwentiethAtATime() {
        // the last tasks were all seen at their first dense poll (done before it), so they show no
        // spread; the next, done at 60 s, is seen at the early look, not at the expected end
        List<Double> times = pollTimes(new ExpectedEnd(Duration.ofSeconds(70), Duration.ZERO), Duration.ofSeconds(67));

        assertThat(times).containsExactly(66.5);
    }

    @Test
    void aWideSpreadSetsGapsOfHalfItUpToJustUnderThePollInterval() {
        // a spread of 8 s: gaps of 4 s from the early look, then 4.5 s (0.9 of the interval), not the
        // twentieth (2 s) a task of this length would get if its kind's times were alike
        List<Double> wide =
                pollTimes(new ExpectedEnd(Duration.ofSeconds(40), Duration.ofSeconds(8)), Duration.ofSeconds(60));

        assertThat(wide).containsExactly(38.0, 42.0, 46.0, 50.5, 55.0, 59.5);
    }

    @Test
    void aResumedTaskLongOverdueIsPolledJustUnderThePollInterval() {
        assertThat(PollSchedule.nextWait(Duration.ofMinutes(10), Optional.of(wide(Duration.ofMinutes(1))), POLL, 1))
                .isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void aRateLimitedAccountStretchesEveryWait() {
        assertThat(PollSchedule.nextWait(Duration.ZERO, Optional.empty(), POLL, 4))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(PollSchedule.nextWait(Duration.ofSeconds(60), Optional.of(wide(Duration.ofSeconds(100))), POLL, 2))
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

    private static ExpectedEnd wide(Duration earliest) {
        return new ExpectedEnd(earliest, earliest);
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

    @Test
    void theSpreadIsTheUpperQuartileLessTheLowEstimate() {
        List<Duration> history = new ArrayList<>();
        for (int s = 100; s > 80; s--) {
            history.add(Duration.ofSeconds(s));
        }
        // sorted 81..100: the tenth percentile is 82, the upper quartile 95
        assertThat(TaskDurations.expectedEnd(history))
                .contains(new ExpectedEnd(Duration.ofSeconds(82), Duration.ofSeconds(13)));
        assertThat(TaskDurations.expectedEnd(
                        List.of(Duration.ofMillis(10_150), Duration.ofMillis(10_050), Duration.ofMillis(10_100))))
                .contains(new ExpectedEnd(Duration.ofMillis(10_050), Duration.ofMillis(100)));
        assertThat(TaskDurations.expectedEnd(List.of())).isEmpty();
    }

    @Test
    void twoTasksTellNoSpreadSoTheDenseGapIsATwentieth() {
        Optional<ExpectedEnd> two =
                TaskDurations.expectedEnd(List.of(Duration.ofMillis(40_010), Duration.ofMillis(40_000)));
        assertThat(two).contains(new ExpectedEnd(Duration.ofSeconds(40), null));

        // from a twentieth (2 s) before the expected end, gaps of 2 s that double up to 4.5 s
        assertThat(pollTimesOf(two, Duration.ofSeconds(60), 1))
                .containsExactly(38.0, 40.0, 42.0, 46.0, 50.5, 55.0, 59.5);
    }

    @Test
    void tasksSentTogetherWithoutHistoryTakeTurnsLookingAtTheServer() {
        Duration interval = Duration.ofSeconds(1);

        assertThat(List.of(0, 1, 2, 3, 4).stream()
                        .map(turn -> PollSchedule.staggered(interval, turn, 4).toMillis())
                        .toList())
                .as("the k-th of 4 waits (1 - k/4) of the interval; the fifth begins the round again")
                .containsExactly(1000L, 750L, 500L, 250L, 1000L);
        assertThat(PollSchedule.staggered(interval, 1, 1))
                .as("alone, it waits the interval")
                .isEqualTo(interval);
    }

    @Test
    void newsOfASiblingSeenDoneMakesATaskInItsDensePollsLookAtOnce() {
        ExpectedEnd end = new ExpectedEnd(Duration.ofSeconds(40), null); // dense from 38 s (a twentieth)
        Duration siblingRan = Duration.ofMillis(38_500);

        assertThat(PollSchedule.afterNews(Duration.ofSeconds(39), siblingRan, Optional.of(end), POLL, 1))
                .isEqualTo(Duration.ZERO);
        assertThat(PollSchedule.afterNews(Duration.ofSeconds(30), siblingRan, Optional.of(end), POLL, 1))
                .as("before its dense polls it keeps its schedule: the next look is at 38 s")
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(PollSchedule.afterNews(Duration.ofSeconds(39), siblingRan, Optional.of(end), POLL, 2))
                .as("a rate-limited account does not look at once")
                .isEqualTo(PollSchedule.nextWait(Duration.ofSeconds(39), Optional.of(end), POLL, 2));
        assertThat(PollSchedule.afterNews(Duration.ofSeconds(39), siblingRan, Optional.empty(), POLL, 1))
                .isEqualTo(POLL);
    }

    @Test
    void newsOfASiblingThatRanLongerThanThisTaskHasBeenAtTheServerKeepsItsSchedule() {
        // tasks whose times vary: a sibling still running at 45 s says little of a task at the server for 41 s,
        // which would only spend a call looking at once
        ExpectedEnd end = new ExpectedEnd(Duration.ofSeconds(40), Duration.ofSeconds(8));

        assertThat(PollSchedule.afterNews(Duration.ofSeconds(41), Duration.ofSeconds(45), Optional.of(end), POLL, 1))
                .isEqualTo(PollSchedule.nextWait(Duration.ofSeconds(41), Optional.of(end), POLL, 1))
                .isPositive();
        assertThat(PollSchedule.afterNews(Duration.ofSeconds(46), Duration.ofSeconds(45), Optional.of(end), POLL, 1))
                .isEqualTo(Duration.ZERO);
    }
}
