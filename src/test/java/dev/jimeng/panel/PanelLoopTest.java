package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loop: coalescing, time passing, resize, and cleaning up after itself. */
class PanelLoopTest {
    private final PanelHarness h = PanelHarness.standard();

    @Test
    void jobEventsAreCoalescedIntoAtMostFiveRedrawsASecond() {
        long before = h.panel.renders();
        JobSnapshot generating = job("a7f3c9e1aa")
                .created(Duration.ofSeconds(5))
                .state(JobState.GENERATING, Duration.ofSeconds(1))
                .build();

        for (int i = 0; i < 50; i++) {
            h.source.publish(generating);
            h.step(); // each idle step moves the manual clock by the 15 ms poll pause
        }

        long renders = h.panel.renders() - before;
        Duration spent = Duration.ofMillis(50 * Panel.IDLE_POLL.toMillis());
        assertThat(renders).isBetween(1L, spent.toMillis() / Panel.MIN_REDRAW_INTERVAL.toMillis() + 1);
        assertThat(h.model().job("a7f3c9e1aa"))
                .get()
                .extracting(JobSnapshot::state)
                .isEqualTo(JobState.GENERATING);
        assertThat(h.row(2)).contains("generating");
    }

    @Test
    void anEventIsDrawnOnceTheRedrawIntervalHasPassed() {
        h.source.publish(job("d4e5f6a777")
                .created(Duration.ofMinutes(10))
                .state(JobState.FAILED, Duration.ofSeconds(1))
                .build());
        long before = h.panel.renders();

        h.step();
        assertThat(h.panel.renders()).isEqualTo(before); // drawn at open, same instant: wait

        h.clock.advance(Panel.MIN_REDRAW_INTERVAL);
        h.step();
        assertThat(h.panel.renders()).isEqualTo(before + 1);
        assertThat(h.row(6)).contains("failed");
    }

    @Test
    void keysRedrawAtOnce() {
        long before = h.panel.renders();

        h.press('j').press('j');

        assertThat(h.panel.renders()).isEqualTo(before + 2);
    }

    @Test
    void spinnerAndElapsedTimeMoveWithTheClock() {
        String spinnerBefore = h.row(3).substring(51, 52);

        h.clock.advance(Duration.ofMillis(1200));
        h.step();

        assertThat(h.row(3)).contains(" 21s ~1m38s");
        assertThat(h.row(3).substring(51, 52)).isNotEqualTo(spinnerBefore);
    }

    @Test
    void nothingIsRedrawnWhileNothingChanges() {
        PanelHarness idle = new PanelHarness(
                100,
                20,
                List.of(job("d4e5f6a777")
                        .state(JobState.DONE, Duration.ofSeconds(1))
                        .build()));
        long before = idle.panel.renders();

        for (int i = 0; i < 100; i++) {
            idle.step();
        }

        assertThat(idle.panel.renders()).isEqualTo(before);
    }

    @Test
    void aMessageDisappearsAfterAFewSeconds() {
        h.press('s');
        assertThat(h.row(17)).isEqualTo("sorted by oldest");

        h.clock.advance(PanelModel.MESSAGE_TTL);
        h.step();

        assertThat(h.row(17)).isEmpty();
    }

    @Test
    void selectionStaysOnTheSameJobWhenANewJobArrivesOnTop() {
        h.press('j', 'j');
        assertThat(h.selectedId()).isEqualTo("b81d2e4455");

        h.source.publish(job("ffffffff00").created(Duration.ZERO).build());
        h.clock.advance(Panel.MIN_REDRAW_INTERVAL);
        h.step();

        assertThat(h.row(2)).startsWith("ffffffff");
        assertThat(h.selectedId()).isEqualTo("b81d2e4455");
        assertThat(h.model().selectedIndex()).isEqualTo(3);
    }

    @Test
    void resizeRedrawsTheWholeScreenAtTheNewSize() {
        h.terminal.setTerminalSize(new TerminalSize(130, 30));
        h.step();

        assertThat(h.row(29)).startsWith("↑↓ move");
        assertThat(h.row(28)).isEqualTo("3 running · 1 done · 1 failed · 1 queued · 1 expired");
        assertThat(h.row(5)).contains("/home/me/videos/c09a5b7d.mp4"); // room for the whole path now
        assertThat(h.row(7)).contains("50412: the prompt was blocke…");

        h.terminal.setTerminalSize(new TerminalSize(70, 12));
        h.step();

        assertThat(h.row(11)).startsWith("↑↓ move");
        assertThat(h.row(1)).doesNotContain("FILE / ERROR"); // narrow: the file column goes
        assertThat(h.row(0)).isEqualTo(" jimeng jobs · 1–7 of 7 · sort: newest");

        h.terminal.setTerminalSize(new TerminalSize(30, 5));
        h.step();

        assertThat(h.row(0)).isEqualTo("terminal too small for the pa…");
        h.press('q');
        assertThat(h.open).isFalse();
    }

    @Test
    void resizeKeepsTheSelectionVisible() {
        h.press('G');
        h.terminal.setTerminalSize(new TerminalSize(100, 8));
        h.step();

        assertThat(h.model().viewportRows()).isEqualTo(3);
        assertThat(h.row(4)).startsWith("f5a6b7c8");
    }

    @Test
    void runStopsTheScreenAndUnsubscribesEvenWhenDrawingThrows() throws Exception {
        RecordingTerminal terminal = new RecordingTerminal();
        FakeJobSource source = new FakeJobSource(PanelHarness.sampleJobs());
        boolean[] broken = {false};
        EtaEstimate eta = mode -> {
            if (broken[0]) {
                throw new IllegalStateException("history store closed");
            }
            return Optional.empty();
        };
        RecordingActions actions = new RecordingActions();
        Panel panel = new Panel(source, actions, actions, h.clock, eta, h.clock);
        terminal.addInput(new KeyStroke('j', false, false));
        broken[0] = false;
        TerminalScreen screen = new TerminalScreen(terminal) {
            @Override
            public synchronized void startScreen() throws java.io.IOException {
                super.startScreen();
                broken[0] = false;
            }

            @Override
            public KeyStroke pollInput() throws java.io.IOException {
                broken[0] = true; // the first key's redraw fails
                return super.pollInput();
            }
        };

        assertThatThrownBy(() -> panel.run(screen)).hasMessage("history store closed");

        assertThat(terminal.privateModeExits).isEqualTo(1);
        assertThat(source.listenerCount()).isZero();
    }

    @Test
    void runReturnsWhenTheThreadIsInterrupted() throws Exception {
        RecordingTerminal terminal = new RecordingTerminal();
        FakeJobSource source = new FakeJobSource(PanelHarness.sampleJobs());
        RecordingActions actions = new RecordingActions();
        Panel panel = new Panel(source, actions, actions, h.clock, PanelHarness.ETA, d -> {
            throw new InterruptedException();
        });

        panel.run(new TerminalScreen(terminal));

        assertThat(Thread.interrupted()).isTrue(); // kept for the caller (and cleared for the next test)
        assertThat(terminal.privateModeExits).isEqualTo(1);
        assertThat(source.listenerCount()).isZero();
    }

    /** A virtual terminal that counts how often the screen gave the normal screen back. */
    static final class RecordingTerminal extends DefaultVirtualTerminal {
        int privateModeExits;

        RecordingTerminal() {
            super(new TerminalSize(100, 20));
        }

        @Override
        public synchronized void exitPrivateMode() {
            privateModeExits++;
            super.exitPrivateMode();
        }
    }
}
