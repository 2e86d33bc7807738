package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.view.Billing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Submit, wait, download, print the seed's Markdown block (or JSON). */
@Command(
        name = "generate",
        aliases = "g",
        mixinStandardHelpOptions = true,
        description = "Generate a video from a prompt and/or images: submit, wait, download, print the result.",
        footer = {
            "",
            "Examples:",
            "  jimeng --sandbox generate \"a red fox running through snow\"",
            "  jimeng generate \"a paper boat in the rain\" --mode t2v_1080p --duration 10",
            "  jimeng generate \"she turns\" --mode i2v_first_720p --image face.png --json"
        })
public final class GenerateCommand extends BaseCommand {
    @Mixin
    GenerationOptions generation;

    @Mixin
    SendOptions send;

    @Option(names = "--json", description = "Print one JSON document instead of the Markdown block.")
    boolean json;

    @Option(
            names = "--wait",
            description =
                    "In the shell: wait for the video in the foreground (Ctrl-C asks to cancel it if not sent yet).")
    boolean waitHere;

    @Override
    protected ExitCode doCall() throws Exception {
        ValidatedRequest validated = jobs().validate(generation.toRequest());
        if (send.dryRun.dryRun) {
            return quote(validated, destination(send), json);
        }
        String id = send(validated, send);
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
