package dev.jimeng.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeupTest {
    @Test
    void aSignalEndsALongSleepEarly() throws Exception {
        Wakeup wakeup = new Wakeup();
        long seen = wakeup.count();
        CompletableFuture<Boolean> sleeping = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                sleeping.complete(Sleeper.SYSTEM.sleep(Duration.ofHours(1), wakeup, seen));
            } catch (InterruptedException e) {
                sleeping.completeExceptionally(e);
            }
        });

        wakeup.signal();

        assertThat(sleeping.get(10, TimeUnit.SECONDS)).as("woken early").isTrue();
    }

    @Test
    void aSignalBetweenLookingAndSleepingIsNotLost() throws Exception {
        Wakeup wakeup = new Wakeup();
        long seen = wakeup.count();
        wakeup.signal();

        assertThat(Sleeper.SYSTEM.sleep(Duration.ofHours(1), wakeup, seen)).isTrue();
    }

    @Test
    void withoutASignalTheWholeTimeIsSlept() throws Exception {
        Wakeup wakeup = new Wakeup();

        assertThat(Sleeper.SYSTEM.sleep(Duration.ofMillis(5), wakeup, wakeup.count()))
                .isFalse();
    }

    @Test
    void aSleeperOfVirtualTimeSleepsTheWholeDuration() throws Exception {
        ManualClock clock = new ManualClock();
        Wakeup wakeup = new Wakeup();
        long seen = wakeup.count();
        wakeup.signal();

        assertThat(clock.sleep(Duration.ofSeconds(3), wakeup, seen)).isFalse();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }
}
