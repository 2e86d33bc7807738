package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.metadata.Sidecar;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a video again from its sidecar (or the metadata inside it): the same request, sent as a new (billed) job. */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng rerun video.mp4 --dry-run", "  jimeng rerun video.mp4 --yes"},
        description = "Send the request that made a video again, from its .json sidecar or the metadata inside the"
                + " MP4 (billed; asks first).")
public final class RerunCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "A video jimeng downloaded, or its .json sidecar.")
    String file;

    @Mixin
    SendOptions send;

    @Option(names = "--json", description = "Print one JSON document instead of the Markdown block.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        Sidecar sidecar = Sidecars.read(app().paths(), file, err());
        if (sidecar.sandbox() != jobs().sandbox()) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    TerminalText.safe(file) + " was made " + (sidecar.sandbox() ? "in" : "outside") + " the sandbox:"
                            + " run '"
                            + app().invocationOf(sidecar.sandbox(), sidecar.profile())
                                    .jimeng()
                            + " rerun' for it; nothing was sent");
        }
        String maker = sidecar.profile();
        if (maker != null && !maker.equals(app().profile())) {
            // another account pays this time: say so before anything is asked or sent
            tell(file + " was made with profile '" + maker
                    + "'; this sends it with profile '" + app().profile() + "' (its keys, caps"
                    + " and journal)");
        }
        ValidatedRequest validated = jobs().validate(sidecar.request());
        if (send.dryRun.dryRun) {
            return quote(validated, destination(send), json);
        }
        if (!send.yes) {
            String question = "jimeng: send '"
                    + TerminalText.fit(TerminalText.oneLine(validated.request().prompt()), 40)
                    + "' again as a new " + validated.request().mode() + " job ("
                    + Billing.cost(validated.estimatedCostCny(), jobs().sandbox()) + ")? [y/N] ";
            if (!confirm(question)) {
                throw new UserError(ExitCode.BAD_INPUT, "nothing was sent (add --yes to send without asking)");
            }
            // the user just said yes to this very video: the duplicate guard would only ask again
            send.yes = true;
        }
        String id = send(validated, send);
        return follow(id, validated, json, false);
    }
}
