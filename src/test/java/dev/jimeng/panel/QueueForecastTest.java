package dev.jimeng.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.store.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Queued jobs wait for the server slots the jobs ahead of them hold, in the order they were queued. */
class QueueForecastTest {
    private static final Duration TYPICAL = Duration.ofSeconds(60);
    private static final EtaEstimate TWO_SLOTS = new EtaEstimate() {
        @Override
        public Optional<Duration> typicalDuration(String mode) {
            return Optional.of(TYPICAL);
        }

        @Override
        public int serverSlots() {
            return 2;
        }
    };

    @Test
    void eachQueuedJobWaitsForTheSlotFreedBeforeIt() {
        var running1 = Jobs.job("r1")
                .created(Duration.ofSeconds(10))
                .state(JobState.GENERATING, Duration.ZERO)
                .build();
        var running2 = Jobs.job("r2")
                .created(Duration.ofSeconds(30))
                .state(JobState.GENERATING, Duration.ZERO)
                .build();
        var q1 = Jobs.job("q1")
                .created(Duration.ofSeconds(5))
                .state(JobState.QUEUED, Duration.ZERO)
                .build();
        var q2 = Jobs.job("q2")
                .created(Duration.ofSeconds(4))
                .state(JobState.QUEUED, Duration.ZERO)
                .build();
        var q3 = Jobs.job("q3")
                .created(Duration.ofSeconds(3))
                .state(JobState.QUEUED, Duration.ZERO)
                .build();

        var left = QueueForecast.untilDone(
                List.of(q3, running1, q1, running2, q2), Jobs.NOW, TWO_SLOTS::typicalDuration, TWO_SLOTS.serverSlots());

        // slots free at 30 s (r2: 30 of 60 s gone) and 50 s (r1); each queued job then takes 60 s
        assertThat(left).containsEntry("q1", Duration.ofSeconds(90));
        assertThat(left).containsEntry("q2", Duration.ofSeconds(110));
        assertThat(left).containsEntry("q3", Duration.ofSeconds(150));
        assertThat(left).doesNotContainKeys("r1", "r2");
    }

    @Test
    void withoutHistoryThereIsNoForecast() {
        var q1 = Jobs.job("q1")
                .created(Duration.ofSeconds(5))
                .state(JobState.QUEUED, Duration.ZERO)
                .build();

        assertThat(QueueForecast.untilDone(List.of(q1), Jobs.NOW, EtaEstimate.NONE::typicalDuration, 2))
                .isEmpty();
    }
}
