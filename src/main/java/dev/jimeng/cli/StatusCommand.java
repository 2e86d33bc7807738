package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** One line per job: state, time in it, task id, file or error. Reads the journal; sends nothing. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show where a job is, in one line.")
public final class StatusCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", arity = "1..*", description = "Job ids (or unique prefixes).")
    java.util.List<String> ids;

    @Override
    protected ExitCode doCall() {
        for (String id : ids) {
            out().print(dev.jimeng.view.JobsView.statusLine(requireJob(id), Clock.systemUTC()));
        }
        return ExitCode.OK;
    }
}
