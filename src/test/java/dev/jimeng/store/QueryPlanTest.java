package dev.jimeng.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads behind {@code jobs}, {@code jobs --search}, {@code spend}, the shell's start and the
 * panel stay fast in a journal of years: SQLite's plan for each statement they run reads an index,
 * never every row ({@code SCAN jobs}), and no list sorts the whole journal to show its newest rows.
 * Plans are made without statistics (jimeng never runs ANALYZE), so an empty journal plans as a
 * full one does.
 */
class QueryPlanTest {
    @TempDir
    Path home;

    private Journal journal;
    private JobQueries queries;
    private final List<String> statements = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        journal = Journal.open(home.resolve(JobStore.FILE_NAME));
        journal.migrate(Migrations.ALL);
        queries = new JobQueries(journal, JobStore.DEFAULT_PROFILE);
        journal.onPrepare(statements::add);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void listingTheNewestJobsReadsThemInOrderFromAnIndex() {
        queries.list(JobQuery.newest(20)); // jobs
        queries.list(JobQuery.newest(1000)); // the panel's first frame, the shell's job-id completion
        queries.list(JobQuery.newest(50)); // a page while scrolling
        queries.list(JobQuery.newest(20).withStates(EnumSet.of(JobState.DONE, JobState.FAILED))); // jobs --state

        assertEveryPlanUsesAnIndexWithoutSortingEveryRow();
    }

    @Test
    void searchingPromptsReadsTheNewestFirstAndStopsAtTheLimit() {
        queries.list(new JobQuery(Set.of(), "lighthouse", 20)); // jobs --search

        assertEveryPlanUsesAnIndexWithoutSortingEveryRow();
    }

    @Test
    void unfinishedJobsAreFoundByTheirStateNotAmongAllJobs() {
        Set<JobState> unfinished = EnumSet.allOf(JobState.class);
        unfinished.removeIf(JobState::terminal);
        queries.anyUnfinished(); // every start: is there anything to resume?
        queries.unfinished(); // resume
        queries.unfinishedElsewhere(); // the note about other profiles' jobs
        queries.list(new JobQuery(unfinished, null, Integer.MAX_VALUE)); // wait, status
        queries.list(new JobQuery(EnumSet.of(JobState.QUEUED), null, 10_000)); // the shell's unsent jobs at exit

        assertThat(tableSteps()).isNotEmpty().allMatch(step -> step.contains("state=?"));
    }

    @Test
    void aJobIsFoundByItsIdOrAPrefixThroughThePrimaryKey() {
        queries.find("abcdefgh");
        queries.find("ab");
        queries.get("abcdefgh");

        assertThat(tableSteps())
                .isNotEmpty()
                .allMatch(step -> step.contains("(id=?)") || step.contains("(id>? AND id<?)"));
    }

    @Test
    void theSpendLedgerAndTheDurationHistoryReadOnlyCoveringIndexes() {
        queries.spend(Instant.EPOCH);
        queries.recentGenerationTimes("t2v_720p", 5, 5, 30);
        queries.count();

        assertThat(plans()).noneMatch(step -> step.startsWith("SCAN jobs"));
        assertThat(plans().stream().filter(step -> step.contains("jobs")).toList())
                .allMatch(step -> step.contains("USING COVERING INDEX") || step.contains("jobs_by_mode_created"));
    }

    @Test
    void theLedgersAllTimeRowSumsEachModeInIndexOrderWithoutSortingEveryJob() {
        queries.spend(Instant.EPOCH); // 'spend's "all" row: every job of the profile

        assertThat(plans())
                .noneMatch(step -> step.startsWith("SCAN jobs"))
                .noneMatch(step -> step.startsWith("USE TEMP B-TREE"));
    }

    @Test
    void aProcessFindsItsLeasesAmongTheLeasedRowsOnly() {
        Leases leases = new Leases(journal);
        leases.renewAll("process-1", Instant.EPOCH, java.time.Duration.ofSeconds(30)); // while it runs
        leases.releaseAll("process-1"); // as it ends: every command does this

        assertThat(tableSteps()).isNotEmpty().allMatch(step -> step.contains("jobs_by_lease_owner"));
    }

    @Test
    void aListsGroupMarksAreReadByIdNotFromEveryGroupedJob() {
        new JobMarks(journal).marksOf(List.of("abcdefgh", "ijklmnop")); // jobs: the GROUP column

        assertThat(tableSteps()).isNotEmpty().allMatch(step -> step.contains("(id=?)"));
    }

    private void assertEveryPlanUsesAnIndexWithoutSortingEveryRow() {
        assertThat(plans())
                .isNotEmpty()
                .noneMatch(step -> step.startsWith("SCAN jobs"))
                .noneMatch(step -> step.equals("USE TEMP B-TREE FOR ORDER BY"));
    }

    /** The steps that read the jobs table, through an index or not. */
    private List<String> tableSteps() {
        return plans().stream()
                .filter(step -> step.startsWith("SEARCH jobs") || step.startsWith("SCAN jobs"))
                .toList();
    }

    /** Every step of the plans of the statements run so far. */
    private List<String> plans() {
        journal.onPrepare(null);
        List<String> steps = new ArrayList<>();
        for (String sql : statements) {
            steps.addAll(journal.queryPlan(sql));
        }
        assertThat(steps).isNotEmpty();
        return steps;
    }
}
