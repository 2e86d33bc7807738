package dev.jimeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The poll schedule meets issue 15's aim in virtual time, where it is exact and takes milliseconds: at
 * most a third of a fixed 5 s poll's get-result calls per job, at an equal or better median and 95th
 * percentile of latency (done at the server to seen done), on jobs of 30 s to 3 min whose times vary as
 * real ones do. The benchmark reports the same run (seed 42); this keeps a change to the schedule from
 * missing the aim unnoticed, on other draws too.
 */
class PollingAimTest {
    @ParameterizedTest(name = "σ {0}, seed {1}")
    @CsvSource({"0.10, 42", "0.10, 7", "0.10, 3", "0.15, 42", "0.15, 7", "0.15, 3"})
    void aThirdOfTheCallsAtNoWorseLatency(double spread, long seed) {
        PollingRun.Result r = PollingRun.run(200, spread, Duration.ofSeconds(5), seed);

        assertThat(r.callRatio()).isLessThanOrEqualTo(1 / 3.0);
        assertThat(r.adaptive().latencyMedian()).isLessThanOrEqualTo(r.fixed().latencyMedian());
        assertThat(r.adaptive().latencyP95()).isLessThanOrEqualTo(r.fixed().latencyP95());
    }
}
