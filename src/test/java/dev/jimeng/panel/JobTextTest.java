package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.store.JobState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTextTest {
    @Test
    void fitCutsWithAnEllipsisAndCountsWideCharactersAsTwoColumns() {
        assertThat(JobText.fit("a lighthouse", 20)).isEqualTo("a lighthouse");
        assertThat(JobText.fit("a lighthouse", 6)).isEqualTo("a lig…");
        assertThat(JobText.fit("一只橘猫在窗台", 7)).isEqualTo("一只橘…");
        assertThat(JobText.width(JobText.pad("一只橘猫在窗台", 8))).isEqualTo(8);
    }

    @Test
    void fitLeftKeepsTheFileName() {
        assertThat(JobText.fitLeft("/home/me/videos/d4e5f6a7.mp4", 14)).isEqualTo("…/d4e5f6a7.mp4");
    }

    @Test
    void durationsAreShortAndReadable() {
        assertThat(JobText.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(JobText.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(JobText.duration(Duration.ofMinutes(62))).isEqualTo("1h02m");
        assertThat(JobText.duration(Duration.ofHours(76))).isEqualTo("3d04h");
        assertThat(JobText.duration(Duration.ofDays(693).plusHours(5))).isEqualTo("693d");
    }

    @Test
    void oneLineRemovesControlCharactersThatCouldCarryEscapeSequences() {
        assertThat(JobText.oneLine("a\u001b]52;c;x\u0007b\nc\td\uD83D\uDE00")).isEqualTo("a ]52;c;x b c d?");
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
