package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.config.Invocation;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.time.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainWatchTest {
    private final ManualClock clock = new ManualClock(Jobs.NOW);
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final Duration s10 = Duration.ofSeconds(10);

    @Test
    void printsOneLinePerStateChangeUntilEveryJobIsFinished() throws Exception {
        FakeJobSource source = new FakeJobSource(List.of(
                        job("a7f3c9e1aa").state(JobState.GENERATING, s10).build(),
                        job("d4e5f6a777").state(JobState.DONE, s10).build()))
                .replayOnSubscribe(List.of(
                        job("a7f3c9e1aa").state(JobState.GENERATING, s10).build(),
                        job("a7f3c9e1aa")
                                .state(JobState.DOWNLOADING, s10)
                                .bytes(10, 100)
                                .build(),
                        job("a7f3c9e1aa")
                                .state(JobState.DOWNLOADING, s10)
                                .bytes(80, 100)
                                .build(),
                        job("a7f3c9e1aa")
                                .state(JobState.DONE, s10)
                                .output("/tmp/out/a7f3c9e1.mp4")
                                .build()));

        new PlainWatch(source, clock, out, Invocation.REAL).run();

        assertThat(text.toString().lines())
                .containsExactly(
                        "12:00:00 a7f3c9e1 t2v_720p generating",
                        "12:00:00 a7f3c9e1 t2v_720p downloading",
                        "12:00:00 a7f3c9e1 t2v_720p done 50s → /tmp/out/a7f3c9e1.mp4",
                        "all watched jobs finished: 1 done, 0 not");
        assertThat(source.listenerCount()).isZero();
    }

    @Test
    void failuresSayWhatHappenedAndHowToRetry() throws Exception {
        FakeJobSource source = new FakeJobSource(List.of(job("e1f2a3b488")
                        .state(JobState.QUEUED, s10)
                        .prompt("neon city\u001b[31m at night")
                        .build()))
                .replayOnSubscribe(List.of(job("e1f2a3b488")
                        .state(JobState.FAILED, s10)
                        .error("50412", "blocked by review")
                        .reason(StopReason.CONTENT_REJECTED)
                        .build()));

        new PlainWatch(source, clock, out, Invocation.REAL).run(Set.of("e1f2a3b488"));

        assertThat(text.toString())
                .isEqualTo(
                        """
                        12:00:00 e1f2a3b4 t2v_720p queued "neon city\\e[31m at night"
                        12:00:00 e1f2a3b4 t2v_720p failed: 50412: blocked by review (the same prompt and images meet the same review: change them and generate again)
                        all watched jobs finished: 0 done, 1 not
                        """)
                .doesNotContain("\u001b");
    }

    @Test
    void returnsAtOnceWhenNothingIsUnfinished() throws Exception {
        FakeJobSource source = new FakeJobSource(
                List.of(job("d4e5f6a777").state(JobState.DONE, s10).build()));

        new PlainWatch(source, clock, out, Invocation.REAL).run();

        assertThat(text.toString()).isEqualTo("no unfinished jobs to watch\n");
    }

    @Test
    void stopsWhenInterrupted() {
        FakeJobSource source = new FakeJobSource(
                List.of(job("a7f3c9e1aa").state(JobState.GENERATING, s10).build()));
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> new PlainWatch(source, clock, out, Invocation.REAL).run())
                .isInstanceOf(InterruptedException.class);

        assertThat(text.toString()).isEqualTo("12:00:00 a7f3c9e1 t2v_720p generating\n");
        assertThat(source.listenerCount()).isZero();
    }
}
