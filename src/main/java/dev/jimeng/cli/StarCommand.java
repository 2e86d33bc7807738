package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The user's favourites: a star in the journal, shown in the gallery. */
@Command(
        name = "star",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng star k3f9a2b1", "  jimeng star k3f9a2b1 --off"},
        description = "Star a job (a favourite, shown in the gallery); --off takes the star away.")
public final class StarCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "Job id (or unique prefix).")
    String id;

    @Option(names = "--off", description = "Take the star away.")
    boolean off;

    @Override
    protected ExitCode doCall() {
        JobSnapshot job = requireJob(id);
        engine(() -> jobs().star(job.id(), !off));
        out().println(job.id() + (off ? " unstarred" : " starred"));
        return ExitCode.OK;
    }
}
