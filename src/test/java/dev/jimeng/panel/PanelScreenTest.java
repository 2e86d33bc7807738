package dev.jimeng.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Golden screens: fixed clock, fixed jobs, a 100×20 virtual terminal. */
class PanelScreenTest {
    private static final String TABLE =
            """
             jimeng jobs · 1–7 of 7 · sort: newest
            ID       MODE           PROMPT                     STATUS             TIME ETA     FILE / ERROR
            a7f3c9e1 t2v_720p       sunrise over a misty lake… queued               5s ~3m40s
            0a1b2c3d t2v_720p       a paper boat on a rainy s… ⠋ in queue          20s ~1m40s
            b81d2e44 t2v_1080p      一只橘猫在窗台上晒太阳，…  ⠋ generating      1m10s ~2m50s
            c09a5b7d i2v_first_720p the portrait slowly smiles downloading 42%   2m00s         …eos/c09a5b7d.mp4
            d4e5f6a7 t2v_720p       a lighthouse in a storm, … done              1m40s         …eos/d4e5f6a7.mp4
            e1f2a3b4 ti2v_pro       neon city at night, drone… failed            2m00s         50412: the promp…
            f5a6b7c8 t2v_720p       an old tram crossing a br… expired           1m30s         the server no lo…









            3 running · 1 done · 1 failed · 1 queued · 1 expired
            ↑↓ move  Enter details  d download  o open  r retry  c cancel  y copy  / filter  ? help  q quit""";

    private static final String DETAILS =
            """
            ── details ─────────────────────────────────────────────────────────────────────────────────────────
             d4e5f6a777 · t2v_720p · done · 1m40s
             Prompt: a lighthouse in a storm, waves crashing
             Params: duration 5 s · fps 24 · aspect 16:9 · seed 42 · 0 images
             File: /home/me/videos/d4e5f6a7.mp4 · 3.1M · sha256 9f86d081884c…
             Video URL: expired 8m00s ago (at 11:52:00); d fetches a fresh one
             Next: jimeng download d4e5f6a777   # saves a fresh copy next to the old one; not billed
             Next: jimeng retry d4e5f6a777 --resubmit   # sends it again as a new task; billed again
             Open: /home/me/videos/d4e5f6a7.mp4
             … (taller terminal shows more)""";

    @Test
    void tableShowsOneRowPerJobNewestFirstWithSummaryAndLegend() {
        PanelHarness h = PanelHarness.standard();

        assertThat(h.text()).isEqualTo(TABLE);
    }

    @Test
    void detailsPaneShowsEverythingNeededToActOnTheSelectedJob() {
        PanelHarness h = PanelHarness.standard();

        h.press('j', 'j', 'j', 'j').press(KeyType.Enter);

        List<String> lines = h.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo(" jimeng jobs · 1–5 of 7 · sort: newest");
        assertThat(String.join("\n", lines.subList(7, 17))).isEqualTo(DETAILS);
        assertThat(lines.get(19)).startsWith("↑↓ move");
    }

    @Test
    void detailsOfARunningJobShowTheTaskRequestTimesAndUrlValidity() {
        PanelHarness h = new PanelHarness(100, 40, PanelHarness.sampleJobs());

        h.press('j', 'j', 'j').press(KeyType.Enter);

        assertThat(h.text())
                .contains(" c09a5b7d66 · i2v_first_720p · downloading · 2m00s")
                .contains(" Images: /home/me/face.png")
                .contains(" Video URL: valid for 58m00s more (until 12:58:00)")
                .contains(" Next: jimeng wait c09a5b7d66   # waits for it and saves the video")
                .contains(" Next: jimeng cancel c09a5b7d66 --forget   # stops tracking it; its video is not saved")
                .contains(" Task id: 7392616336519610409 · request id: 20250101115900A1B2C3")
                .contains(
                        " Times: created 2025-01-01 11:58:00 · submitting 11:58:20 · in_queue 11:58:40 · generating 11:59:00");
    }

    @Test
    void longPromptsWrapAtWordsInTheDetailsPane() {
        PanelHarness h = new PanelHarness(
                60,
                30,
                List.of(dev.jimeng.panel.Jobs.job("a1")
                        .prompt(
                                "a slow dolly shot through a sunlit bamboo forest while mist rises from the ground at dawn")
                        .build()));

        h.press(KeyType.Enter);

        assertThat(h.text())
                .contains(" Prompt: a slow dolly shot through a sunlit bamboo forest\n"
                        + "         while mist rises from the ground at dawn\n");
    }

    @Test
    void statusCellsAreColouredByState() {
        PanelHarness h = PanelHarness.standard();
        int statusX = statusColumn();

        assertThat(colourAt(h, statusX, 2)).isEqualTo(TextColor.ANSI.BLACK_BRIGHT); // queued: dim
        assertThat(colourAt(h, statusX, 3)).isEqualTo(TextColor.ANSI.CYAN); // in queue
        assertThat(colourAt(h, statusX, 4)).isEqualTo(TextColor.ANSI.CYAN); // generating
        assertThat(colourAt(h, statusX, 5)).isEqualTo(TextColor.ANSI.BLUE_BRIGHT); // downloading
        assertThat(colourAt(h, statusX, 6)).isEqualTo(TextColor.ANSI.GREEN); // done
        assertThat(colourAt(h, statusX, 7)).isEqualTo(TextColor.ANSI.RED); // failed
        assertThat(colourAt(h, statusX, 8)).isEqualTo(TextColor.ANSI.MAGENTA); // expired
        assertThat(colourAt(h, 0, 6)).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void selectedRowIsDrawnInReverseVideo() {
        PanelHarness h = PanelHarness.standard();

        assertThat(h.terminal.getCharacter(0, 2).getModifiers()).contains(SGR.REVERSE);
        assertThat(h.terminal.getCharacter(0, 3).getModifiers()).doesNotContain(SGR.REVERSE);

        h.press('j');

        assertThat(h.terminal.getCharacter(0, 2).getModifiers()).doesNotContain(SGR.REVERSE);
        assertThat(h.terminal.getCharacter(99, 3).getModifiers()).contains(SGR.REVERSE);
    }

    @Test
    void helpOverlayListsTheKeys() {
        PanelHarness h = PanelHarness.standard();

        h.press('?');

        assertThat(h.text())
                .contains("┌─ keys ─")
                .contains("│ q or Esc     back to the shell")
                .contains("OSC 52");
    }

    @Test
    void movingTheSelectionSendsOnlyTheTwoChangedRows() {
        PanelHarness h = PanelHarness.standard();
        h.terminal.isWholeBufferDirtyThenReset();
        h.terminal.getAndResetDirtyCells();

        h.press('j');

        Set<Integer> rows = h.terminal.getAndResetDirtyCells().stream()
                .map(TerminalPosition::getRow)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).containsExactly(2, 3);
        assertThat(h.terminal.isWholeBufferDirtyThenReset()).isFalse();
    }

    @Test
    void aRedrawWithNothingChangedSendsNothing() {
        PanelHarness h = PanelHarness.standard();
        h.terminal.isWholeBufferDirtyThenReset();
        h.terminal.getAndResetDirtyCells();

        h.press('x'); // not a key of the panel: redraws the same picture

        assertThat(h.terminal.getAndResetDirtyCells()).isEmpty();
        assertThat(h.terminal.isWholeBufferDirtyThenReset()).isFalse();
    }

    @Test
    void emptyPanelSaysSo() {
        PanelHarness h = new PanelHarness(100, 20, List.of());

        assertThat(h.row(0)).isEqualTo(" jimeng jobs · none shown · sort: newest");
        assertThat(h.row(2)).isEqualTo(" no jobs yet");
        assertThat(h.row(18)).isEqualTo("0 running · 0 done · 0 failed · 0 queued");
    }

    static int statusColumn() {
        PanelRenderer.Columns c = PanelRenderer.Columns.forWidth(100, "i2v_first_720p".length());
        return PanelRenderer.Columns.ID + 1 + c.mode() + 1 + c.prompt() + 1;
    }

    @Test
    void emojiInAPromptAreDrawnAsThemselvesTwoColumnsWideNeverAsQuestionMarks() {
        PanelHarness h = new PanelHarness(
                100,
                20,
                List.of(Jobs.job("e5f6a7b8cc")
                        .prompt("🦊 a fox at sunset 🌅 end")
                        .state(dev.jimeng.store.JobState.DONE, java.time.Duration.ofSeconds(10))
                        .build()));

        String row = h.row(2);
        assertThat(row).contains("🦊 a fox at sunset 🌅 end").doesNotContain("?");
        assertThat(dev.jimeng.text.TerminalText.width(ScreenText.row(h.terminal, 1)))
                .as("the columns after the prompt stay where the heading puts them")
                .isLessThanOrEqualTo(100);
    }

    @Test
    void withoutColoursNoCellHasAColourButTheSelectionStillShows() throws Exception {
        PanelHarness h = PanelHarness.standard();
        h.panel.setColors(false);
        h.press('j'); // any key redraws

        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 100; col++) {
                var cell = h.terminal.getCharacter(col, row);
                assertThat(cell.getForegroundColor()).as("cell %d,%d", col, row).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(cell.getBackgroundColor()).as("cell %d,%d", col, row).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(h.text()).contains("done", "failed");
    }

    private static TextColor colourAt(PanelHarness h, int col, int row) {
        return h.terminal.getCharacter(col, row).getForegroundColor();
    }
}
