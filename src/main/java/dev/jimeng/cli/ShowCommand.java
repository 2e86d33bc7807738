package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.JobGroups;
import dev.jimeng.view.JobsView;
import dev.jimeng.view.ResultView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Everything the journal knows about a job, and the commands to act on it. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show every detail of a job.",
        footer = {"", "Examples:", "  jimeng show k3f9a2b1", "  jimeng show k3f"})
public final class ShowCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "Job id (or unique prefix).")
    String id;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    protected ExitCode doCall() {
        var job = requireJob(id);
        String group = groupMarks(List.of(job)).group(job.id());
        List<JobSnapshot> members = group == null ? List.of(job) : jobs().members(group);
        JobGroups groups = groupMarks(members);
        List<JobSnapshot> siblings =
                members.stream().filter(j -> !j.id().equals(job.id())).toList();
        out().print(
                        json
                                ? ResultView.json(job, jobs().clock().instant(), jobs().invocation(), groups)
                                : JobsView.details(
                                        job,
                                        jobs().copies(job.id()),
                                        groups,
                                        siblings,
                                        jobs().clock(),
                                        jobs().invocation()));
        if (!json) {
            thumbnail(job);
        }
        return ExitCode.OK;
    }
}
