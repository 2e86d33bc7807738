package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The winner of a set made as one (variants, seeds, a prompt matrix). */
@Command(
        name = "pick",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng pick k3f9a2b1"},
        description = "Mark a job as the winner of its set (made with --variants, --seeds or a {a|b} prompt).")
public final class PickCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "Job id (or unique prefix).")
    String id;

    @Override
    protected ExitCode doCall() {
        JobSnapshot job = requireJob(id);
        if (!engine(() -> jobs().pick(job.id()))) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "job " + job.id() + " is in no set: pick marks the best video of a set made with --variants,"
                            + " --seeds or a {a|b} prompt");
        }
        out().println(job.id() + " picked as the winner of group "
                + jobs().groups().get(job.id()));
        return ExitCode.OK;
    }
}
