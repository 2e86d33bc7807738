package dev.jimeng.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecondsTest {
    @Test
    void readsWholeAndFractionalSecondsExactly() {
        assertThat(Seconds.parse("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Seconds.parse(" 2.5 ")).isEqualTo(Duration.ofMillis(2500));
        assertThat(Seconds.parse("0.0001")).isEqualTo(Duration.ofNanos(100_000));
        assertThat(Seconds.parse("-1")).isNegative();
        assertThat(Seconds.parse(" 007 ")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Seconds.parse("1234567890")).isEqualTo(Duration.ofSeconds(1_234_567_890));
    }

    @Test
    void refusesWhatIsNotANumberOfSeconds() {
        assertThatThrownBy(() -> Seconds.parse("5s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Seconds.parse("NaN")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Seconds.parse("1e400")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Seconds.parse(" ")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void printsSecondsWithoutTrailingZeros() {
        assertThat(Seconds.format(Duration.ofSeconds(300))).isEqualTo("300");
        assertThat(Seconds.format(Duration.ofMillis(2500))).isEqualTo("2.5");
        assertThat(Seconds.format(Duration.ofMillis(250))).isEqualTo("0.25");
    }
}
