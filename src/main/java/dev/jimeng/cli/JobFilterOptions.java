package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which jobs a listing shows, shared by jobs and gallery: by state and by prompt text. */
public final class JobFilterOptions {
    @Option(
            names = "--status",
            paramLabel = "S",
            split = ",",
            description = "Only these states: queued, submitting, in_queue, generating, downloading, done, failed,"
                    + " expired, submit_unknown; or 'active'.")
    List<String> states;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only jobs whose prompt contains TEXT.")
    String search;

    /** The journal query of this filter, at most {@code limit} jobs. */
    JobQuery query(int limit) {
        return new JobQuery(states(), search, limit);
    }

    /** The jobs the filter asked for, in words ("active jobs", "jobs matching 'fox'"); null: no filter. */
    String inWords() {
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

    Set<JobState> states() {
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
