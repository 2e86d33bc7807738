package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.OutputTarget;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Submit, wait, download, print the seed's Markdown block (or JSON). */
@Command(
        name = "generate",
        aliases = "g",
        mixinStandardHelpOptions = true,
        description = "Generate a video from a prompt and/or images: submit, wait, download, print the result.")
public final class GenerateCommand extends BaseCommand {
    @Mixin
    GenerationOptions generation;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Save the video here (a file, or a folder to put it in). Default: the output directory.")
    Path output;

    @Option(names = "--json", description = "Print one JSON document instead of the Markdown block.")
    boolean json;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before sending the same video as a job of the last 24 hours.")
    boolean yes;

    @Option(
            names = "--wait",
            description =
                    "In the shell: wait for the video in the foreground (Ctrl-C asks to cancel it if not sent yet).")
    boolean waitHere;

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
        String cost = Billing.cost(validated.estimatedCostCny(), jobs().sandbox());
        String head = id + " queued · " + validated.request().mode() + " · "
                + validated.request().durationSeconds() + " s · " + cost;
        if (waitHere && root().interactive()) {
            // the id, before the wait: the user sees which job Ctrl-C would ask about
            err().println(head + " · waiting here (Ctrl-C stops waiting; a job not sent yet may be canceled)");
            err().flush();
            return awaitInShell(id, done -> report(done, json));
        }
        return session().follow(id, head + " · you will be told when it is done", done -> report(done, json));
    }
}
