package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTextTest {
    @Test
    void oneLineShowsControlCharactersThatCouldCarryEscapeSequences() {
        assertThat(TerminalText.oneLine("a\u001b]52;c;x\u0007b\nc\td\uD83D\uDE00"))
                .isEqualTo("a\\e]52;c;x\\ab c d\uD83D\uDE00");
    }

    @Test
    void etaCountsDownFromTheTypicalDurationAndSaysSoonWhenOverdue() {
        var running = job("a").created(Duration.ofSeconds(30))
                .state(JobState.GENERATING, Duration.ofSeconds(5))
                .build();

        assertThat(JobText.eta(running, Jobs.NOW, Optional.of(Duration.ofMinutes(2))))
                .isEqualTo("~1m30s");
        assertThat(JobText.eta(running, Jobs.NOW, Optional.of(Duration.ofSeconds(20))))
                .isEqualTo("soon");
        assertThat(JobText.eta(running, Jobs.NOW, Optional.empty())).isEmpty();
    }

    @Test
    void downloadingShowsPercentOrBytes() {
        var known = job("a").state(JobState.DOWNLOADING, Duration.ofSeconds(5))
                .bytes(420, 1000)
                .build();
        var unknown = job("b").state(JobState.DOWNLOADING, Duration.ofSeconds(5))
                .bytes(3_250_000, -1)
                .build();

        assertThat(JobText.status(known, Jobs.NOW, true)).isEqualTo("downloading 42%");
        assertThat(JobText.status(unknown, Jobs.NOW, true)).isEqualTo("downloading 3.1M");
    }

    @Test
    void asciiSpinnerForTerminalsWithoutUnicode() {
        var generating =
                job("a").state(JobState.GENERATING, Duration.ofSeconds(5)).build();

        assertThat(JobText.status(generating, Jobs.NOW, false)).matches("[|/\\\\-] generating");
    }
}
