package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.view.JobGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A set made as one (variants, seeds, a prompt matrix) is one row that opens to show its jobs. */
class PanelGroupsTest {
    private static final String GROUP = "k3f9a2b1";
    private static final Duration S10 = Duration.ofSeconds(10);
    private static final String COLLAPSED =
            "k3f9a2b1 t2v_720p ▸ ×3 a fox on a hill  1 done · 1 running · 1 failed · ETA ~1m01s · ≈¥4.20 · ✓ v1aaaaaa picked";

    /** A lone job, three variants of one prompt (done and picked, generating, failed), an older job. */
    static List<JobSnapshot> jobs() {
        return List.of(
                job("solo000001")
                        .created(Duration.ofSeconds(5))
                        .prompt("a lone heron")
                        .state(JobState.QUEUED, S10)
                        .build(),
                variant("v1aaaaaaaa", 60, 1)
                        .state(JobState.DONE, S10)
                        .output("/v/v1.mp4")
                        .build(),
                variant("v2bbbbbbbb", 59, 2).state(JobState.GENERATING, S10).build(),
                variant("v3cccccccc", 58, 3)
                        .state(JobState.FAILED, S10)
                        .error("50412", "blocked")
                        .build(),
                job("old0000001")
                        .created(Duration.ofMinutes(10))
                        .prompt("an old tram")
                        .state(JobState.DONE, S10)
                        .build());
    }

    private static Jobs variant(String id, int secondsAgo, long seed) {
        return job(id).created(Duration.ofSeconds(secondsAgo))
                .prompt("a fox on a hill")
                .seed(seed)
                .cost(1.4);
    }

    static JobGroups marks() {
        return new JobGroups(
                Map.of("v1aaaaaaaa", GROUP, "v2bbbbbbbb", GROUP, "v3cccccccc", GROUP), Set.of("v1aaaaaaaa"));
    }

    private static PanelHarness panel() {
        return new PanelHarness(120, 24, jobs(), marks());
    }

    @Test
    void aGroupIsOneCollapsedRowWithItsCountsEtaCostAndPick() {
        PanelHarness h = panel();

        assertThat(h.row(2)).startsWith("solo0000 ");
        assertThat(h.row(3)).isEqualTo(COLLAPSED);
        assertThat(h.row(4)).startsWith("old00000 ");
        assertThat(h.row(5)).isEmpty();
        assertThat(h.row(0)).isEqualTo(" jimeng jobs · 1–3 of 3 · sort: newest");
        assertThat(h.row(23)).contains("→← group").endsWith("q quit");
        assertThat(h.model().summary().line()).startsWith("1 running · 2 done · 1 failed · 1 queued");
    }

    @Test
    void rightOpensTheGroupWithItsJobsIndentedUnderItAndLeftFoldsIt() {
        PanelHarness h = panel();

        h.press('j').press(KeyType.ArrowRight);

        assertThat(h.row(3)).startsWith("k3f9a2b1 t2v_720p ▾ ×3 a fox on a hill  1 done");
        assertThat(h.row(4))
                .startsWith("v3cccccc t2v_720p ├ seed 3 · a fox on a hill")
                .contains("failed", "50412");
        assertThat(h.row(5))
                .startsWith("v2bbbbbb t2v_720p ├ seed 2 · a fox on a hill")
                .contains("generating");
        assertThat(h.row(6))
                .startsWith("v1aaaaaa t2v_720p └ ✓ seed 1 · a fox on a hill")
                .contains("done");
        assertThat(h.row(7)).startsWith("old00000 ");
        assertThat(h.row(4).indexOf("failed"))
                .as("member rows keep the table's columns")
                .isEqualTo(h.row(2).indexOf("queued"));

        h.press('j', 'j').press(KeyType.ArrowLeft);

        assertThat(h.row(3)).isEqualTo(COLLAPSED);
        assertThat(h.model().selectedRow()).map(PanelRow::key).contains("group " + GROUP);
        assertThat(h.row(4)).startsWith("old00000 ");

        h.press('+');
        assertThat(h.row(6)).startsWith("v1aaaaaa");
        h.press('-');
        assertThat(h.row(3)).isEqualTo(COLLAPSED);
    }

    @Test
    void anOpenedGroupsJobsActLikeAnyRowAndTheGroupRowSaysHowToReachThem() {
        PanelHarness h = panel();

        h.press('j').press('d');
        assertThat(h.actions.calls).isEmpty();
        assertThat(h.row(21)).contains("a group row: → (or +) shows its jobs");

        h.press(KeyType.ArrowRight).press('j', 'j', 'j').press('d');
        assertThat(h.selectedId()).isEqualTo("v1aaaaaaaa");
        assertThat(h.actions.calls).containsExactly("download v1aaaaaaaa");

        h.press('k').press('c');
        assertThat(h.row(21)).startsWith("v2bbbbbbbb is at the server and billed; it cannot be stopped");
    }

    @Test
    void theSelectionStaysOnItsJobOrGroupAcrossRefreshesAndFolding() {
        PanelHarness h = panel();
        h.press('j').press(KeyType.ArrowRight).press('j', 'j');
        assertThat(h.selectedId()).isEqualTo("v2bbbbbbbb");

        // a newer job arrives on top and the selected job moves on: the selection follows it
        h.source.publish(job("new0000001").created(Duration.ZERO).build());
        h.source.publish(variant("v2bbbbbbbb", 59, 2)
                .state(JobState.DOWNLOADING, S10)
                .bytes(1, 2)
                .build());
        h.clock.advance(Panel.MIN_REDRAW_INTERVAL);
        h.step();
        assertThat(h.row(2)).startsWith("new00000");
        assertThat(h.selectedId()).isEqualTo("v2bbbbbbbb");
        assertThat(h.model().selectedIndex()).isEqualTo(4);
        assertThat(h.row(6)).startsWith("v2bbbbbb").contains("downloading 50%");

        // folding the group gives the selection to its row, opening it keeps it there
        h.press(KeyType.ArrowLeft);
        assertThat(h.model().selectedRow()).map(PanelRow::key).contains("group " + GROUP);
        h.press(KeyType.ArrowRight);
        assertThat(h.model().selectedRow()).map(PanelRow::key).contains("group " + GROUP);
        assertThat(h.model().selectedIndex()).isEqualTo(2);

        // sorting moves the group; the selection goes with it
        h.press('s');
        assertThat(h.model().selectedRow()).map(PanelRow::key).contains("group " + GROUP);
    }

    @Test
    void pMarksTheSelectedJobItsSetsWinnerAndTheRowsFollow() {
        PanelHarness h = panel();
        h.press('j').press(KeyType.ArrowRight).press('j', 'j');

        h.press('p');

        assertThat(h.actions.calls).containsExactly("pick v2bbbbbbbb");
        assertThat(h.row(21)).isEqualTo("v2bbbbbbbb picked as the winner of group k3f9a2b1 (free, sends nothing)");
        assertThat(h.row(3)).endsWith("✓ v2bbbbbb picked");
        assertThat(h.row(5)).startsWith("v2bbbbbb t2v_720p ├ ✓ seed 2");
        assertThat(h.row(6)).startsWith("v1aaaaaa t2v_720p └ seed 1");
        assertThat(h.selectedId()).isEqualTo("v2bbbbbbbb");

        h.press('g').press('p');
        assertThat(h.row(21)).startsWith("solo000001 is in no set");
        assertThat(h.actions.calls).hasSize(1);
    }

    @Test
    void theDetailsOfAGroupRowSumItUp() {
        PanelHarness h = panel();

        h.press('j').press(KeyType.Enter);

        assertThat(h.text())
                .contains(" group k3f9a2b1 · 3 jobs · t2v_720p")
                .contains(" Prompt: a fox on a hill")
                .contains(" Jobs: 1 done · 1 running · 1 failed")
                .contains(" Cost: ≈¥4.20 estimated for the set")
                .contains(" Picked: v1aaaaaaaa")
                .contains(" Members: v3cccccccc failed, v2bbbbbbbb generating, v1aaaaaaaa done")
                .contains(" Sheet: jimeng gallery --group k3f9a2b1");
    }

    @Test
    void aPromptMatrixShowsAsItsMatrixAndTheFilterFindsAGroupById() {
        List<JobSnapshot> matrix = List.of(
                job("m1aaaaaaaa").prompt("a red fox").state(JobState.DONE, S10).build(),
                job("m2bbbbbbbb")
                        .prompt("a blue fox")
                        .state(JobState.QUEUED, S10)
                        .build(),
                job("loner00001").prompt("a heron").state(JobState.DONE, S10).build());
        PanelHarness h = new PanelHarness(
                120, 24, matrix, new JobGroups(Map.of("m1aaaaaaaa", "g2", "m2bbbbbbbb", "g2"), Set.of()));

        assertThat(h.text()).contains("▸ ×2 a {red|blue} fox  1 done · 0 running · 0 failed · 1 queued · ETA ~2m00s\n");

        h.press('/').press('g', '2').press(KeyType.Enter);
        assertThat(h.model().view()).extracting(PanelRow::key).containsExactly("group g2");
        assertThat(h.row(0)).contains("1–1 of 1 (3 in all)");
    }

    @Test
    void withoutGroupsTheTableIsAsBefore() {
        PanelHarness h = new PanelHarness(120, 24, jobs());

        assertThat(h.model().view()).hasSize(5).allMatch(r -> r instanceof PanelRow.JobRow);
        assertThat(h.row(23)).doesNotContain("group");
    }
}
