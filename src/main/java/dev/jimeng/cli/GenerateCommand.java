package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.request.ValidatedRequest;
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
        return follow(id, validated, json, waitHere);
    }
}
