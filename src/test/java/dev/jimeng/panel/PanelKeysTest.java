package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key of the panel, injected through the virtual terminal. */
class PanelKeysTest {
    private final PanelHarness h = PanelHarness.standard();

    @Test
    void downArrowAndJMoveDownUpArrowAndKMoveUp() {
        h.press(KeyType.ArrowDown);
        assertThat(h.selectedId()).isEqualTo("0a1b2c3d44");
        h.press('j');
        assertThat(h.selectedId()).isEqualTo("b81d2e4455");
        h.press('k');
        assertThat(h.selectedId()).isEqualTo("0a1b2c3d44");
        h.press(KeyType.ArrowUp);
        assertThat(h.selectedId()).isEqualTo("a7f3c9e1aa");
    }

    @Test
    void selectionStopsAtBothEnds() {
        h.press('k', 'k');
        assertThat(h.model().selectedIndex()).isZero();
        h.press('G').press('j');
        assertThat(h.selectedId()).isEqualTo("f5a6b7c899");
        h.press(KeyType.Home);
        assertThat(h.model().selectedIndex()).isZero();
        h.press(KeyType.End);
        assertThat(h.model().selectedIndex()).isEqualTo(6);
        h.press('g');
        assertThat(h.model().selectedIndex()).isZero();
    }

    @Test
    void enterTogglesTheDetailsPane() {
        h.press(KeyType.Enter);
        assertThat(h.model().details()).isTrue();
        assertThat(h.text()).contains("── details ──");
        h.press(KeyType.Enter);
        assertThat(h.model().details()).isFalse();
        assertThat(h.text()).doesNotContain("details ──");
    }

    @Test
    void dDownloadsAgainAFinishedJobWhoseTaskTheServerStillKeeps() {
        select("d4e5f6a777").press('d');

        assertThat(h.actions.calls).containsExactly("download d4e5f6a777");
        assertThat(h.row(17)).isEqualTo("re-downloading d4e5f6a777… (not billed)");
    }

    @Test
    void dOnARunningJobOnlyExplains() {
        select("b81d2e4455").press('d');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).contains("b81d2e4455 is still generating");
    }

    @Test
    void dOnAJobThatMadeNoVideoPointsToRetry() {
        select("e1f2a3b488").press('d');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).isEqualTo("e1f2a3b488 has no video to download; r re-submits it (asks first: billed)");
        assertThat(h.terminal.getCharacter(0, 17).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
    }

    @Test
    void oOpensTheSavedFile() {
        select("d4e5f6a777").press('o');

        assertThat(h.actions.calls).containsExactly("open " + Path.of("/home/me/videos/d4e5f6a7.mp4"));
    }

    @Test
    void oWithoutASavedFileExplains() {
        select("c09a5b7d66").press('o');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).isEqualTo("c09a5b7d66 has no saved file yet");
    }

    @Test
    void rRetriesByDownloadingOnlyWhenTheServerMadeTheVideo() {
        PanelHarness failedDownload = new PanelHarness(100, 20, List.of(downloadFailed()));

        failedDownload.press('r');

        assertThat(failedDownload.actions.calls).containsExactly("retry 9d9d9d9d00 download-only");
        assertThat(failedDownload.model().confirmation()).isEmpty();
        assertThat(failedDownload.row(17)).isEqualTo("retrying 9d9d9d9d00 (downloading again, not billed)…");
    }

    @Test
    void rAsksBeforeABilledResubmitAndYConfirms() {
        select("e1f2a3b488").press('r');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17))
                .isEqualTo(
                        "Re-submit e1f2a3b488 as a new task? (billed again: ≈¥5.00 estimated for 5 s of ti2v_pro) [y/N]");
        h.press('y');

        assertThat(h.actions.calls).containsExactly("retry e1f2a3b488 resubmit");
        assertThat(h.model().confirmation()).isEmpty();
    }

    @Test
    void cCancelsAJobNotSentYetAfterAOneKeyConfirmation() {
        select("a7f3c9e1aa").press('c');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).isEqualTo("Cancel a7f3c9e1aa? It has not been sent: nothing is billed. [y/N]");
        h.press('y');

        assertThat(h.actions.calls).containsExactly("cancel a7f3c9e1aa");
        assertThat(h.row(17)).isEqualTo("a7f3c9e1aa canceled; nothing was billed");
    }

    @Test
    void cAnsweredWithAnythingButYesKeepsTheJob() {
        select("a7f3c9e1aa").press('c').press('n');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).isEqualTo("a7f3c9e1aa kept");
    }

    @Test
    void cOnATaskAtTheServerExplainsItIsBilledAndHowToStopTrackingIt() {
        select("b81d2e4455").press('c');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.model().confirmation()).isEmpty();
        assertThat(h.row(17)).startsWith("b81d2e4455 is at the server and billed; it cannot be stopped.");
    }

    @Test
    void theSandboxsResubmitQuestionSaysNothingIsBilled() {
        RecordingActions sandbox = new RecordingActions();
        sandbox.sandbox = true;

        String note = sandbox.billingNote(PanelHarness.sampleJobs().getFirst());

        assertThat(note).isEqualTo("sandbox, not billed").doesNotContain("¥");
    }

    @Test
    void enterAlsoConfirmsAResubmit() {
        select("f5a6b7c899").press('r').press(KeyType.Enter);

        assertThat(h.actions.calls).containsExactly("retry f5a6b7c899 resubmit");
        assertThat(h.model().details()).isFalse();
    }

    @Test
    void anyOtherKeyCancelsTheResubmit() {
        select("e1f2a3b488").press('r').press('n');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(17)).isEqualTo("re-submit cancelled");
        h.press('j');
        assertThat(h.selectedId()).isEqualTo("f5a6b7c899"); // keys work normally again
    }

    @Test
    void rOnARunningJobDoesNothing() {
        select("0a1b2c3d44").press('r');

        assertThat(h.actions.calls).isEmpty();
        assertThat(h.model().confirmation()).isEmpty();
    }

    @Test
    void yCopiesThePathOfAFinishedJobAndTheCommandOfTheNextStepOfOthers() {
        select("d4e5f6a777").press('y');
        select("e1f2a3b488").press('y');
        select("c09a5b7d66").press('y');

        assertThat(h.actions.calls)
                .containsExactly(
                        "copy /home/me/videos/d4e5f6a7.mp4",
                        "copy jimeng retry e1f2a3b488 --resubmit",
                        "copy jimeng wait c09a5b7d66");
        assertThat(h.row(17)).isEqualTo("copied: jimeng wait c09a5b7d66");
    }

    @Test
    void osc52ClipboardWritesTheEscapeSequenceToTheTerminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Clipboard.osc52(out).copy("jimeng retry e1f2");

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("\u001b]52;c;amltZW5nIHJldHJ5IGUxZjI=\u0007");
    }

    @Test
    void slashFiltersAsYouTypeAndEnterKeepsTheFilter() {
        h.press('/').press('s', 't', 'o', 'r');
        assertThat(h.model().view()).extracting(PanelRow::key).containsExactly("d4e5f6a777");
        assertThat(h.row(17)).startsWith("/stor_");
        assertThat(h.row(0)).isEqualTo(" jimeng jobs · 1–1 of 1 (7 in all) · sort: newest · filter: stor");

        h.press(KeyType.Backspace);
        assertThat(h.model().filter()).isEqualTo("sto");
        h.press(KeyType.Enter);
        assertThat(h.model().editingFilter()).isFalse();
        h.press('j'); // a navigation key again, not filter text
        assertThat(h.model().filter()).isEqualTo("sto");
    }

    @Test
    void filterMatchesStatusAndEscClearsIt() {
        h.press('/').press('f', 'a', 'i', 'l');
        assertThat(h.model().view()).extracting(PanelRow::key).containsExactly("e1f2a3b488");

        h.press(KeyType.Escape);

        assertThat(h.open).isTrue();
        assertThat(h.model().filter()).isEmpty();
        assertThat(h.model().view()).hasSize(7);
    }

    @Test
    void filterWithNoMatchSaysSo() {
        h.press('/').press('z', 'z', 'z').press(KeyType.Enter);

        assertThat(h.row(2)).isEqualTo(" no job matches \"zzz\" (/ then Esc clears the filter)");
    }

    @Test
    void sCyclesThroughTheSortOrders() {
        h.press('s');
        assertThat(h.model().sort()).isEqualTo(SortOrder.OLDEST);
        assertThat(h.row(2)).startsWith("f5a6b7c8");
        h.press('s');
        assertThat(h.model().sort()).isEqualTo(SortOrder.STATUS);
        assertThat(h.row(2)).startsWith("c09a5b7d"); // downloading first
        h.press('s');
        assertThat(h.model().sort()).isEqualTo(SortOrder.MODE);
        assertThat(h.row(2)).startsWith("c09a5b7d"); // i2v_… sorts first
        h.press('s');
        assertThat(h.model().sort()).isEqualTo(SortOrder.NEWEST);
        assertThat(h.row(2)).startsWith("a7f3c9e1");
    }

    @Test
    void questionMarkShowsHelpAndTheNextKeyOnlyClosesIt() {
        h.press('?');
        assertThat(h.model().help()).isTrue();

        h.press('q');

        assertThat(h.open).isTrue();
        assertThat(h.model().help()).isFalse();
        assertThat(h.text()).doesNotContain("keys ─");
    }

    @Test
    void qClosesThePanel() {
        h.press('q');
        assertThat(h.open).isFalse();
    }

    @Test
    void keysTypedAfterTheClosingKeyAreKeptForTheShell() {
        h.press(
                new KeyStroke('q', false, false),
                new KeyStroke('j', false, false),
                new KeyStroke('s', false, false),
                new KeyStroke(KeyType.ArrowUp),
                new KeyStroke('u', true, false),
                new KeyStroke(KeyType.F5), // no plain spelling: dropped
                new KeyStroke(KeyType.Enter));

        assertThat(h.open).isFalse();
        assertThat(h.panel.typedAhead()).isEqualTo("js\u001b[A\u0015\r");
        assertThat(h.model().selectedIndex())
                .as("the keys after q did not move the panel")
                .isZero();
    }

    @Test
    void escClosesThePanel() {
        h.press(KeyType.Escape);
        assertThat(h.open).isFalse();
    }

    @Test
    void ctrlCClosesThePanel() {
        h.press(new KeyStroke('c', true, false));
        assertThat(h.open).isFalse();
    }

    @Test
    void otherCtrlKeysDoNothing() {
        select("d4e5f6a777").press(new KeyStroke('d', true, false));

        assertThat(h.open).isTrue();
        assertThat(h.actions.calls).isEmpty();
    }

    @Test
    void aFailingActionIsShownOnTheMessageLineNotThrown() {
        PanelActions failing = new RecordingActions() {
            @Override
            public void download(String jobId) {
                throw new IllegalStateException("job engine is shutting down");
            }
        };
        Panel panel = new Panel(h.source, failing, text -> {}, h.clock, PanelHarness.ETA, h.clock);
        PanelController controller = new PanelController(panel.model(), failing, text -> {}, h.clock);
        panel.model().replaceAll(h.source.jobs());
        panel.model().moveBy(4);

        assertThat(controller.handle(new KeyStroke('d', false, false))).isTrue();

        assertThat(panel.model().message(h.clock.instant()))
                .get()
                .extracting(PanelModel.Message::text, PanelModel.Message::error)
                .containsExactly("download failed: job engine is shutting down", true);
    }

    @Test
    void pageDownAndPageUpMoveByOneScreen() {
        List<JobSnapshot> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(job(String.format("job%05d", i))
                    .created(Duration.ofSeconds(i))
                    .state(JobState.DONE, Duration.ofSeconds(1))
                    .build());
        }
        PanelHarness big = new PanelHarness(100, 20, many);

        big.press(KeyType.PageDown);
        assertThat(big.model().selectedIndex()).isEqualTo(15);
        assertThat(big.row(0)).startsWith(" jimeng jobs · 2–16 of 100");
        big.press(KeyType.PageUp);
        assertThat(big.model().selectedIndex()).isZero();
    }

    private PanelHarness select(String id) {
        h.press('g');
        while (!id.equals(h.selectedId())) {
            int before = h.model().selectedIndex();
            h.press('j');
            assertThat(h.model().selectedIndex())
                    .as("job %s is not in the panel", id)
                    .isGreaterThan(before);
        }
        return h;
    }

    /** Generated fine, then the download broke: the video is still on the server. */
    private static JobSnapshot downloadFailed() {
        Map<JobState, java.time.Instant> times = new EnumMap<>(JobState.class);
        times.put(JobState.QUEUED, Jobs.NOW.minusSeconds(300));
        times.put(JobState.SUBMITTING, Jobs.NOW.minusSeconds(299));
        times.put(JobState.GENERATING, Jobs.NOW.minusSeconds(250));
        times.put(JobState.DOWNLOADING, Jobs.NOW.minusSeconds(100));
        times.put(JobState.FAILED, Jobs.NOW.minusSeconds(90));
        return job("9d9d9d9d00")
                .created(Duration.ofSeconds(300))
                .task("7392616336519610000")
                .times(times)
                .urlExpires(Jobs.NOW.plusSeconds(3000))
                .error("download", "connection reset while downloading")
                .reason(StopReason.DOWNLOAD_FAILED)
                .failed()
                .build();
    }
}
