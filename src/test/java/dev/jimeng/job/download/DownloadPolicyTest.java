package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DownloadPolicyTest {
    private static DownloadPolicy withJitter(RandomGenerator random) {
        return new DownloadPolicy(
                8, Duration.ofMillis(500), Duration.ofSeconds(30), random, Duration.ofSeconds(30), 65536);
    }

    @Test
    void withoutJitterTheWaitDoublesFromTheBaseUntilTheCap() {
        DownloadPolicy policy = withJitter(() -> 0L);

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(7)).isEqualTo(Duration.ofSeconds(30)); // 32 s capped
        assertThat(policy.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterTakesAwayAtMostHalfOfEachWait() {
        DownloadPolicy policy = withJitter(new Random(7));
        DownloadPolicy nearlyAll = withJitter(() -> -1L); // nextDouble() just below 1

        for (int failures = 1; failures <= 12; failures++) {
            long nominal = Math.min(30_000, 500L << (failures - 1));
            assertThat(policy.backoffAfter(failures).toMillis()).isBetween(nominal / 2, nominal);
            assertThat(nearlyAll.backoffAfter(failures).toMillis()).isBetween(nominal / 2, nominal / 2 + 1);
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        DownloadPolicy defaults = DownloadPolicy.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.backoffCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.bufferSize()).isEqualTo(256 * 1024);
    }

    @Test
    void rejectsAPolicyThatCouldNeverDownload() {
        assertThatThrownBy(() -> new DownloadPolicy(
                        0, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0L, Duration.ofSeconds(1), 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
