package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.text.TerminalText;
import dev.jimeng.text.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Keeps a journal of years small: forgets old finished jobs (never their videos) and compacts the file. */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  jimeng prune --before 2026-01-01",
            "  jimeng prune --before 2026-01-01 --yes --vacuum"
        },
        description = "Forget finished jobs created before a day (their videos stay); --vacuum compacts the journal.")
public final class PruneCommand extends BaseCommand {
    @Option(
            names = "--before",
            paramLabel = "DATE",
            description = "Forget finished jobs created before this day (YYYY-MM-DD, local time).")
    String before;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before forgetting jobs.")
    boolean yes;

    @Option(names = "--vacuum", description = "Compact the journal file (SQLite VACUUM); may take a while.")
    boolean vacuum;

    @Override
    protected ExitCode doCall() {
        if (before == null && !vacuum) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "say what to prune: --before YYYY-MM-DD (finished jobs created before that day) and/or --vacuum");
        }
        if (before != null) {
            LocalDate day = parseDay(before);
            Instant cutoff = day.atStartOfDay(ZoneId.systemDefault()).toInstant();
            int found = jobs().finishedBefore(cutoff);
            if (found == 0) {
                out().println("no finished jobs created before " + day);
            } else {
                String what = Words.count(found, "finished job") + " created before " + day;
                if (!yes && !confirm("Forget " + what + " from the journal? Their videos stay. [y/N] ")) {
                    throw new UserError(ExitCode.BAD_INPUT, "nothing pruned; add --yes to prune without asking");
                }
                int forgotten = jobs().prune(cutoff);
                out().println("forgot " + Words.count(forgotten, "finished job") + " created before " + day
                        + "; their videos stay where they are");
            }
        }
        if (vacuum) {
            jobs().vacuum();
            out().println("journal compacted");
        }
        out().flush();
        return ExitCode.OK;
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--before wants a day as YYYY-MM-DD, e.g. 2026-01-31, not '" + TerminalText.safe(text) + "'");
        }
    }
}
