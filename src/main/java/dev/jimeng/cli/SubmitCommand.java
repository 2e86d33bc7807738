package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.OutputTarget;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.ResultView;
import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Queue a job and return its id at once; `wait`, the shell or the next start carry it on. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Queue a video job and print its id at once (the engine submits, polls and downloads it).")
public final class SubmitCommand extends BaseCommand {
    @Mixin
    GenerationOptions generation;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Save the video here (file or folder).")
    Path output;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before sending the same video as a job of the last 24 hours.")
    boolean yes;

    @Option(names = "--json", description = "With --dry-run: print what would be sent as one JSON document.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        ValidatedRequest validated = jobs().validate(generation.toRequest());
        Destination target = OutputTarget.resolve(output, app().env().workingDirectory(), app().outputDirectory());
        validated.warnings().forEach(w -> err().println("jimeng: note: " + TerminalText.safe(w)));
        BigDecimal cap = maxCost.value();
        if (dryRun.dryRun) {
            return quote(validated, target, json);
        }
        guardAgainstTwin(validated, yes);
        tellAcceptedTasks();
        String id = jobs().submit(validated, target, cap);
        out().println(id);
        out().flush();
        if (!session().tracksInBackground()) {
            // One-shot: stay until the server has the task (its id is journaled), then leave it running there.
            JobSnapshot job = jobs().awaitAccepted(id);
            if (job.state().terminal() && job.state() != JobState.DONE) {
                // refused (or lost) at submit: say why and exit as generate would
                err().println("jimeng: "
                        + ResultView.failureLine(job, jobs().clock().instant(), jobs().sandbox()));
                return jobs().exitCodeOf(job);
            }
            err().println("jimeng: job " + id + " submitted; '" + jimeng() + "wait " + id + "' downloads it when done");
        } else {
            root().shell().trackJob(id);
        }
        return ExitCode.OK;
    }
}
