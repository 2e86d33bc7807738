package dev.jimeng.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void durationsAreShortAndReadable() {
        assertThat(Durations.compact(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.compact(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(Durations.compact(Duration.ofMinutes(62))).isEqualTo("1h02m");
        assertThat(Durations.compact(Duration.ofHours(76))).isEqualTo("3d04h");
        assertThat(Durations.compact(Duration.ofDays(693).plusHours(5))).isEqualTo("693d");
        assertThat(Durations.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
