package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.JobsView;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** One line per job: state, time in it, task id, file or error. Reads the journal; sends nothing. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show where a job is, in one line (no ids: every unfinished job).",
        footer = {"", "Examples:", "  jimeng status", "  jimeng status k3f9a2b1 k3aa0001"})
public final class StatusCommand extends BaseCommand {
    @Parameters(
            paramLabel = "ID",
            arity = "0..*",
            description = "Job ids (or unique prefixes); none: every unfinished job.")
    java.util.List<String> ids;

    @Override
    protected ExitCode doCall() {
        if (ids == null || ids.isEmpty()) {
            java.util.List<JobSnapshot> unfinished = jobs().unfinished();
            if (unfinished.isEmpty()) {
                out().println(nothingUnfinished());
            }
            for (JobSnapshot job : unfinished) {
                out().print(JobsView.statusLine(job, Clock.systemUTC()));
            }
            return ExitCode.OK;
        }
        for (String id : ids) {
            out().print(JobsView.statusLine(requireJob(id), Clock.systemUTC()));
        }
        return ExitCode.OK;
    }
}
