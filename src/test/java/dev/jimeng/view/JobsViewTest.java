package dev.jimeng.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobsViewTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static JobSnapshot job(String id, JobState state, String prompt) {
        return job(id, state, prompt, "t2v_720p");
    }

    private static JobSnapshot job(String id, JobState state, String prompt, String mode) {
        return new JobSnapshot(
                id,
                new GenerationRequest(mode, prompt, 5, 24, "16:9", List.of(), null, null, null),
                state,
                null,
                null,
                NOW.minusSeconds(185),
                Map.of(),
                null,
                0,
                -1,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aJobWaitingForAnotherProcessSaysWhichAndUntilWhenInOneLine() {
        JobSnapshot waiting = new JobSnapshot(
                "k3f9a2b1",
                new GenerationRequest("t2v_720p", "a fox", 5, 24, "16:9", List.of(), null, null, null),
                JobState.GENERATING,
                "7392616336519610409",
                null,
                NOW.minusSeconds(185),
                Map.of(),
                null,
                -1,
                -1,
                null,
                null,
                null,
                null,
                null,
                null,
                new JobSnapshot.LeaseWait(4242, NOW.plusSeconds(121)));

        assertThat(JobsView.waiting(waiting, ZoneOffset.UTC))
                .isEqualTo("k3f9a2b1 waiting: jimeng process 4242 is carrying this job; it is taken over when that"
                        + " process exits, or at 12:02:01 if it stops renewing its lease");
        assertThat(JobsView.waiting(job("a1b2c3d4", JobState.GENERATING, "x"), ZoneOffset.UTC))
                .isNull();
    }

    @Test
    void tableFitsTheTerminalWidthAndKeepsItsColumnsWithWidePrompts() {
        List<JobSnapshot> jobs = List.of(
                job("a1b2c3d4", JobState.DONE, "千军万马奔腾在草原上，夕阳西下，金色的光芒洒满大地"),
                job(
                        "e5f6a7b8",
                        JobState.GENERATING,
                        "🦊🦊 a fox 🌅 at sunset, 🎬 slow pan across the snowy hills 🏔️🏔️🏔️"),
                job("c9d0e1f2", JobState.FAILED, "a red fox\nrunning\tthrough snow"));

        String table = JobsView.table(jobs, CLOCK, 80);

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(line -> assertThat(TerminalText.width(line))
                .as("columns of %s", line)
                .isLessThanOrEqualTo(80));
        int statusColumn = statusColumn(lines.get(0), "STATUS");
        assertThat(statusColumn(lines.get(1), JobState.DONE.label())).isEqualTo(statusColumn);
        assertThat(statusColumn(lines.get(2), JobState.GENERATING.label())).isEqualTo(statusColumn);
        assertThat(statusColumn(lines.get(3), JobState.FAILED.label())).isEqualTo(statusColumn);
        assertThat(lines.get(1)).contains("千军万马").endsWith("…");
        assertThat(lines.get(3)).endsWith("a red fox running through snow"); // columns as wide as their content
        assertThat(TerminalText.width(lines.get(1)))
                .as("the prompt takes the columns left")
                .isBetween(79, 80);
    }

    @Test
    void atSixtyColumnsEveryRowFitsThePromptCutFirstThenTheMode() {
        List<JobSnapshot> jobs = List.of(
                job("a1b2c3d4", JobState.SUBMIT_UNKNOWN, "千军万马奔腾在草原上", "i2v_first_tail_1080p"),
                job("e5f6a7b8", JobState.DONE, "🦊 a fox at sunset 🌅"));

        List<String> lines = JobsView.table(jobs, CLOCK, 60).lines().toList();

        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(TerminalText.width(line))
                .as("columns of %s", line)
                .isLessThanOrEqualTo(60));
        assertThat(lines.get(2)).contains("t2v_720p", "done", "🦊");
        int statusColumn = statusColumn(lines.get(0), "STATUS");
        assertThat(statusColumn(lines.get(2), JobState.DONE.label())).isEqualTo(statusColumn);
    }

    @Test
    void aWideTerminalShowsTheWholePrompt() {
        String prompt = "千军万马奔腾在草原上，夕阳西下，金色的光芒洒满大地";

        String table = JobsView.table(List.of(job("a1b2c3d4", JobState.DONE, prompt)), CLOCK, 200);

        assertThat(table.lines().toList().get(1)).endsWith(prompt);
    }

    @Test
    void aGroupColumnNamesEachJobsSetAndMarksThePickedOneWithinSixtyColumns() {
        List<JobSnapshot> jobs = List.of(
                job("a1b2c3d4", JobState.SUBMIT_UNKNOWN, "千军万马奔腾在草原上", "i2v_first_tail_1080p"),
                job("e5f6a7b8", JobState.DONE, "🦊 a fox at sunset 🌅"),
                job("c9d0e1f2", JobState.GENERATING, "🦊 a fox at sunset 🌅"),
                job("l0n3l0n3", JobState.DONE, "alone"));
        JobGroups groups = new JobGroups(Map.of("e5f6a7b8", "k3f9a2b1", "c9d0e1f2", "k3f9a2b1"), Set.of("e5f6a7b8"));

        List<String> lines = JobsView.table(jobs, CLOCK, 60, groups).lines().toList();

        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(TerminalText.width(line))
                .as("columns of %s", line)
                .isLessThanOrEqualTo(60));
        assertThat(lines.get(0)).startsWith("ID       GROUP     MODE");
        assertThat(lines.get(1)).startsWith("a1b2c3d4 -         ");
        assertThat(lines.get(2)).startsWith("e5f6a7b8 k3f9a2b1* t2v_720p").contains("done", "🦊");
        assertThat(lines.get(3)).startsWith("c9d0e1f2 k3f9a2b1  t2v_720p");
        int statusColumn = statusColumn(lines.get(0), "STATUS");
        assertThat(statusColumn(lines.get(2), JobState.DONE.label())).isEqualTo(statusColumn);
        assertThat(JobsView.table(List.of(jobs.get(3)), CLOCK, 60, groups))
                .as("no column when no listed job is in a group")
                .doesNotContain("GROUP");
    }

    @Test
    void detailsNameTheGroupAndTheSiblingsWithThePickedOne() {
        JobSnapshot me = job("e5f6a7b8", JobState.DONE, "a fox");
        List<JobSnapshot> siblings =
                List.of(job("c9d0e1f2", JobState.GENERATING, "a fox"), job("a1b2c3d4", JobState.FAILED, "a fox"));
        JobGroups groups = new JobGroups(
                Map.of("e5f6a7b8", "k3f9a2b1", "c9d0e1f2", "k3f9a2b1", "a1b2c3d4", "k3f9a2b1"), Set.of("c9d0e1f2"));

        String details = JobsView.details(me, List.of(), groups, siblings, CLOCK, new Invocation(true, null));

        assertThat(details)
                .contains("  group         k3f9a2b1 (3 jobs)\n")
                .contains("  siblings      c9d0e1f2 generating (picked), a1b2c3d4 failed\n");
        assertThat(JobsView.details(me, List.of(), JobGroups.NONE, List.of(), CLOCK, new Invocation(true, null)))
                .doesNotContain("group")
                .doesNotContain("siblings");
    }

    /** The display column at which {@code text} starts, after the ID and MODE columns. */
    private static int statusColumn(String line, String text) {
        int at = line.indexOf(" " + text + " ", 8) + 1;
        assertThat(at).as("%s in %s", text, line).isPositive();
        return TerminalText.width(line.substring(0, at));
    }
}
