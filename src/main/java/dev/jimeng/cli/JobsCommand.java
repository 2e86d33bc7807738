package dev.jimeng.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.json.Json;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import dev.jimeng.view.JobsView;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The journal: every job ever run here, newest first. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "List jobs from the journal, newest first.",
        footer = {
            "",
            "Examples:",
            "  jimeng jobs",
            "  jimeng jobs --status failed --limit 5",
            "  jimeng jobs --search fox --json"
        })
public final class JobsCommand extends BaseCommand {
    @Option(
            names = "--status",
            paramLabel = "S",
            split = ",",
            description = "Only these states: queued, submitting, in_queue, generating, downloading, done, failed,"
                    + " expired, submit_unknown; or 'active'.")
    List<String> states;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only jobs whose prompt contains TEXT.")
    String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N jobs (default 20).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of jobs.")
    boolean json;

    @Option(names = "--resume", description = "Carry every unfinished job to the end, then list.")
    boolean resume;

    @Override
    protected ExitCode doCall() throws Exception {
        if (limit < 1) {
            throw new UserError(ExitCode.BAD_INPUT, "--limit must be at least 1, got " + limit);
        }
        if (resume) {
            List<String> ids = jobs().resumeAll();
            try (AutoCloseable lines = OneShotSession.printStateChanges(app(), out(), ids)) {
                jobs().awaitAll(ids);
            }
        }
        List<JobSnapshot> jobs = jobs().list(new JobQuery(parseStates(), search, limit));
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (JobSnapshot j : jobs) {
                array.add(Json.MAPPER.readTree(
                        dev.jimeng.view.ResultView.json(j, jobs().clock().instant(), jobs().sandbox())));
            }
            out().println(Json.printer().writeValueAsString(array));
        } else {
            String filter = jobs.isEmpty() ? filterInWords() : null;
            long inJournal = jobs.isEmpty() ? jobs().count() : 0;
            out().print(JobsView.table(jobs, Clock.systemUTC(), terminalColumns(), filter, inJournal));
        }
        return ExitCode.OK;
    }

    /** The jobs the filter asked for, in words ("active jobs", "jobs matching 'fox'"); null: no filter. */
    private String filterInWords() {
        boolean byState = states != null && !states.isEmpty();
        boolean byText = search != null && !search.isBlank();
        if (!byState && !byText) {
            return null;
        }
        String which = byState
                ? String.join(
                                " or ",
                                states.stream()
                                        .map(s -> s.toLowerCase().replace('-', '_'))
                                        .toList())
                        + " "
                : "";
        String matching = byText ? " matching '" + dev.jimeng.text.TerminalText.safe(search.strip()) + "'" : "";
        return which + "jobs" + matching;
    }

    private Set<JobState> parseStates() {
        if (states == null) {
            return Set.of();
        }
        Set<JobState> result = EnumSet.noneOf(JobState.class);
        for (String s : states) {
            if (s.equalsIgnoreCase("active")) {
                for (JobState state : JobState.values()) {
                    if (!state.terminal()) {
                        result.add(state);
                    }
                }
                continue;
            }
            try {
                result.add(JobState.fromLabel(s.toLowerCase().replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "--status " + s + " is not a state: use one of "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(JobState.values())
                                                .map(JobState::label)
                                                .toList())
                                + " or active");
            }
        }
        return result;
    }
}
