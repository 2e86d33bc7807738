package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.Invocation;
import dev.jimeng.store.JobState;
import dev.jimeng.view.JobCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionJobsTest {
    @Test
    void theStatusLineCountsEachKindAndLeavesOutEmptyOnes() {
        JobCounts counts = JobCounts.ofStates(
                List.of(JobState.GENERATING, JobState.SUBMITTING, JobState.QUEUED, JobState.DONE, JobState.FAILED));

        assertThat(counts).hasToString("2 running · 1 queued · 1 done · 1 failed");
        assertThat(JobCounts.ofStates(List.of(JobState.DONE, JobState.DONE))).hasToString("2 done");
        assertThat(JobCounts.ofStates(List.of()).any()).isFalse();
    }

    @Test
    void aTrackedJobCountsAsQueuedUntilTheEngineReports() {
        SessionJobs jobs = new SessionJobs();
        jobs.track("ab12cd34");

        assertThat(jobs.counts()).hasToString("1 queued");
        assertThat(jobs.active()).isEqualTo(1);
    }

    @Test
    void aJobEndsOnceEvenWhenTheEngineRepeatsItsFinalState() {
        SessionJobs jobs = new SessionJobs();
        jobs.track("ab12cd34");

        assertThat(jobs.recordAndCheckEnded(Snapshots.of("ab12cd34", JobState.GENERATING)))
                .isFalse();
        assertThat(jobs.recordAndCheckEnded(Snapshots.of("ab12cd34", JobState.DONE)))
                .isTrue();
        assertThat(jobs.recordAndCheckEnded(Snapshots.of("ab12cd34", JobState.DONE)))
                .isFalse();
        assertThat(jobs.active()).isZero();
    }

    @Test
    void aDoneNoticeNamesTheJobItsPromptModeDurationAndFile() {
        String notice = Notices.finished(Snapshots.of("ab12cd34", JobState.DONE), Snapshots.NOW, Invocation.REAL);

        assertThat(notice).isEqualTo("✔ ab12cd34 done · t2v_720p · 5 s · \"a red fox\"\n  saved /videos/fox.mp4");
    }

    @Test
    void withLinksTheSavedPathIsAlsoALinkToTheFileAndReadsTheSame() {
        String notice = Notices.finished(Snapshots.of("ab12cd34", JobState.DONE), Snapshots.NOW, Invocation.REAL, true);

        assertThat(notice)
                .contains("\n  saved \u001b]8;;file://")
                .endsWith("/videos/fox.mp4\u001b\\/videos/fox.mp4\u001b]8;;\u001b\\");
        assertThat(notice.replaceAll("\u001b]8;;[^\u001b]*\u001b\\\\", ""))
                .isEqualTo(Notices.finished(Snapshots.of("ab12cd34", JobState.DONE), Snapshots.NOW, Invocation.REAL));
    }

    @Test
    void aFailedNoticeSaysWhatHappenedAndWhatToDo() {
        String notice = Notices.finished(Snapshots.of("ab12cd34", JobState.FAILED), Snapshots.NOW, Invocation.REAL);

        assertThat(notice)
                .startsWith("✘ ab12cd34 failed")
                .contains(
                        "the server said no",
                        "next: jimeng retry ab12cd34 --resubmit (sends it again as a new task; billed again)");
    }
}
