package dev.jimeng.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.json.Json;
import dev.jimeng.view.JobGroups;
import dev.jimeng.view.JobsView;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The journal: every job ever run here, newest first. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "List jobs from the journal, newest first.",
        footer = {
            "",
            "Examples:",
            "  jimeng jobs --status failed --limit 5",
            "  jimeng jobs --search fox --json",
            "  jimeng jobs --group k3f9a2b1"
        })
public final class JobsCommand extends BaseCommand {
    @Mixin
    JobFilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N jobs (default 20).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of jobs.")
    boolean json;

    @Option(names = "--resume", description = "Carry every unfinished job to the end, then list.")
    boolean resume;

    @Option(
            names = "--group",
            paramLabel = "G",
            description = "Only the set made as group G (--variants, --seeds, a {a|b} prompt), oldest first.")
    String group;

    @Override
    protected ExitCode doCall() throws Exception {
        requireAtLeastOne("--limit", limit);
        if (resume) {
            List<String> ids = jobs().resumeAll();
            try (AutoCloseable lines = OneShotSession.printStateChanges(app(), out(), ids)) {
                jobs().awaitAll(ids);
            }
        }
        if (group != null && filter.inWords() != null) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "--group lists a whole set; drop --status and --search, or --group");
        }
        List<JobSnapshot> jobs = group != null ? Pages.groupMembers(jobs(), group) : jobs().list(filter.query(limit));
        JobGroups groups = groupMarks(jobs);
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (JobSnapshot j : jobs) {
                array.add(Json.MAPPER.readTree(
                        dev.jimeng.view.ResultView.json(j, jobs().clock().instant(), jobs().invocation(), groups)));
            }
            out().println(Json.printer().writeValueAsString(array));
        } else {
            String filter = jobs.isEmpty() ? this.filter.inWords() : null;
            long inJournal = jobs.isEmpty() ? jobs().count() : 0;
            out().print(JobsView.table(
                    jobs, Clock.systemUTC(), terminalColumns(), filter, inJournal, jimeng() + "generate", groups));
        }
        return ExitCode.OK;
    }
}
