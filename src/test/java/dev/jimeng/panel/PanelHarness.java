package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A panel on a virtual terminal with a fixed clock, fixed jobs and recorded actions. */
final class PanelHarness {
    static final EtaEstimate ETA =
            mode -> Optional.ofNullable(Map.of("t2v_720p", Duration.ofMinutes(2), "t2v_1080p", Duration.ofMinutes(4))
                    .get(mode));

    final ManualClock clock = new ManualClock(Jobs.NOW);
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final FakeJobSource source;
    final RecordingActions actions = new RecordingActions();
    final Panel panel;
    boolean open = true;

    PanelHarness(int columns, int rows, List<JobSnapshot> jobs) {
        this(columns, rows, jobs, dev.jimeng.view.JobGroups.NONE);
    }

    /** A panel whose jobs are grouped as {@code groups} says (the journal's marks). */
    PanelHarness(int columns, int rows, List<JobSnapshot> jobs, dev.jimeng.view.JobGroups groups) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(terminal);
            source = new FakeJobSource(jobs);
            actions.groups = groups;
            panel = new Panel(source, actions, actions, clock, ETA, clock);
            panel.open(screen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PanelHarness standard() {
        return new PanelHarness(100, 20, sampleJobs());
    }

    /** Seven jobs, one in each interesting state, at 12:00:00 UTC. */
    static List<JobSnapshot> sampleJobs() {
        Duration s10 = Duration.ofSeconds(10);
        return List.of(
                job("a7f3c9e1aa")
                        .created(Duration.ofSeconds(5))
                        .prompt("sunrise over a misty lake, slow pan")
                        .state(JobState.QUEUED, s10)
                        .build(),
                job("0a1b2c3d44")
                        .created(Duration.ofSeconds(20))
                        .prompt("a paper boat on a rainy street")
                        .state(JobState.IN_QUEUE, s10)
                        .build(),
                job("b81d2e4455")
                        .mode("t2v_1080p")
                        .created(Duration.ofSeconds(70))
                        .prompt("一只橘猫在窗台上晒太阳，镜头缓慢推进，午后的光线很温暖")
                        .state(JobState.GENERATING, s10)
                        .build(),
                job("c09a5b7d66")
                        .mode("i2v_first_720p")
                        .created(Duration.ofMinutes(2))
                        .prompt("the portrait slowly smiles")
                        .images("/home/me/face.png")
                        .state(JobState.DOWNLOADING, Duration.ofSeconds(20))
                        .output("/home/me/videos/c09a5b7d.mp4")
                        .bytes(420, 1000)
                        .urlExpires(Jobs.NOW.plus(Duration.ofMinutes(58)))
                        .build(),
                job("d4e5f6a777")
                        .created(Duration.ofMinutes(10))
                        .prompt("a lighthouse in a storm, waves crashing")
                        .seed(42)
                        .state(JobState.DONE, Duration.ofSeconds(20))
                        .output("/home/me/videos/d4e5f6a7.mp4")
                        .bytes(3_250_000, 3_250_000)
                        .sha("9f86d081884c7d659a2feaa0c55ad015")
                        .urlExpires(Jobs.NOW.minus(Duration.ofMinutes(8)))
                        .build(),
                job("e1f2a3b488")
                        .mode("ti2v_pro")
                        .created(Duration.ofMinutes(30))
                        .prompt("neon city at night, drone shot")
                        .state(JobState.FAILED, Duration.ofSeconds(30))
                        .error("50412", "the prompt was blocked by content review; rephrase it")
                        .build(),
                job("f5a6b7c899")
                        .created(Duration.ofHours(13))
                        .prompt("an old tram crossing a bridge")
                        .state(JobState.EXPIRED, Duration.ofSeconds(30))
                        .build());
    }

    PanelHarness press(KeyStroke... keys) {
        for (KeyStroke k : keys) {
            terminal.addInput(k);
        }
        return step();
    }

    PanelHarness press(char... chars) {
        for (char c : chars) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        return step();
    }

    PanelHarness press(KeyType type) {
        return press(new KeyStroke(type));
    }

    PanelHarness step() {
        try {
            open = panel.step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    PanelModel model() {
        return panel.model();
    }

    String text() {
        return ScreenText.text(terminal);
    }

    String row(int row) {
        return ScreenText.row(terminal, row);
    }

    String selectedId() {
        return model().selected().map(JobSnapshot::id).orElse(null);
    }
}
