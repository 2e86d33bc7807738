package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.shell.complete.JobIdCandidate;
import dev.jimeng.store.JobState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCompletionTest {
    @Test
    void everyJobInTheJournalIsACandidateNotOnlyTheNewest() {
        List<JobSnapshot> journal = new ArrayList<>();
        for (int i = 0; i < 120; i++) journal.add(Snapshots.of(String.format("%08x", i), JobState.DONE));

        List<JobIdCandidate> offered = ShellCompletion.jobIds(journal);

        assertThat(offered).hasSize(120);
        assertThat(offered.getLast().id()).isEqualTo("00000077");
        assertThat(offered.getFirst().description()).isEqualTo("done · a red fox");
    }
}
