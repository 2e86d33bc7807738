package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.view.ResultView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Queue a job and return its id at once; `wait`, the shell or the next start carry it on. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Queue a video job and print its id at once (the engine submits, polls and downloads it).",
        footer = {
            "",
            "Examples:",
            "  jimeng submit \"a lighthouse in a storm\" --duration 10",
            "  jimeng submit \"a cat on a piano\" --dry-run"
        })
public final class SubmitCommand extends BaseCommand {
    @Mixin
    GenerationOptions generation;

    @Mixin
    PromptTemplateOptions promptTemplate;

    @Mixin
    SendOptions send;

    @Option(names = "--json", description = "With --dry-run: print what would be sent as one JSON document.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        ValidatedRequest validated = jobs().validate(promptTemplate.apply(generation.toRequest(), app()::templates));
        if (send.dryRun.dryRun) {
            return quote(validated, destination(send), json);
        }
        String id = send(validated, send);
        out().println(id);
        out().flush();
        if (!session().tracksInBackground()) {
            // One-shot: stay until the server has the task (its id is journaled), then leave it running there.
            JobSnapshot job = jobs().awaitAccepted(id);
            if (job.state().terminal() && job.state() != JobState.DONE) {
                // refused (or lost) at submit: say why and exit as generate would
                tell(ResultView.failureLine(job, jobs().clock().instant(), jobs().invocation()));
                return jobs().exitCodeOf(job);
            }
            tell("job " + id + " submitted; '" + jimeng() + "wait " + id + "' downloads it when done");
        } else {
            root().shell().trackJob(id);
        }
        return ExitCode.OK;
    }
}
