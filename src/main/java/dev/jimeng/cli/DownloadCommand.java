package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.OutputTarget;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Download a finished task's video (again), with a fresh URL from the API. Never re-submits. */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        description = "Download a finished job's video (again); fetches a fresh link. Never billed.",
        footer = {"", "Examples:", "  jimeng download k3f9a2b1", "  jimeng download k3f9a2b1 -o ~/Videos/"})
public final class DownloadCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "Job id (or unique prefix).")
    String id;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Save it here (file or folder).")
    String output;

    @Override
    protected ExitCode doCall() throws Exception {
        JobSnapshot job = requireJob(id);
        Destination target = output == null
                ? null
                : OutputTarget.resolve(output, app().env().workingDirectory(), app().outputDirectory());
        engine(() -> jobs().download(job.id(), target));
        return session().follow(job.id(), job.id() + " downloading again (not billed)", done -> {
            out().println(
                            done.outputPath() == null
                                    ? done.state().label()
                                    : links()
                                            ? dev.jimeng.text.Hyperlinks.file(
                                                    done.outputPath(),
                                                    TerminalText.safe(
                                                            done.outputPath().toString()))
                                            : TerminalText.safe(
                                                    done.outputPath().toString()));
            return jobs().exitCodeOf(done);
        });
    }
}
