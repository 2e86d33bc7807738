package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.TerminalText;
import dev.jimeng.text.Words;
import dev.jimeng.view.QuoteView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
    PromptTemplateOptions promptTemplate;

    @Mixin
    SendOptions send;

    @Mixin
    VariantOptions variants;

    @Option(names = "--json", description = "Print one JSON document instead of the Markdown block.")
    boolean json;

    @Option(
            names = "--wait",
            description =
                    "In the shell: wait for the video in the foreground (Ctrl-C asks to cancel it if not sent yet).")
    boolean waitHere;

    @Override
    protected ExitCode doCall() throws Exception {
        List<GenerationRequest> set = variants.expand(
                promptTemplate.apply(generation.toRequest(), app()::templates, variants.choosesSeeds()),
                ThreadLocalRandom.current());
        if (set.size() > 1) {
            return sendSet(set);
        }
        ValidatedRequest validated = jobs().validate(set.getFirst());
        if (send.dryRun.dryRun) {
            return quote(validated, destination(send), json);
        }
        String id = send(validated, send);
        return follow(id, validated, json, waitHere);
    }

    /**
     * Several videos of one request: quoted, capped and confirmed as one, sent as one group, and
     * ended (when waited for) with the group's contact sheet.
     */
    private ExitCode sendSet(List<GenerationRequest> set) throws Exception {
        List<ValidatedRequest> validated = set.stream().map(jobs()::validate).toList();
        Destination target = destination(send);
        if (target.file() != null) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "-o names one file, but this makes " + set.size() + " videos: give a folder (end it with '/')");
        }
        if (send.dryRun.dryRun) {
            List<QuoteView.Quote> quotes = new ArrayList<>();
            for (int i = 0; i < validated.size(); i++) {
                quotes.add(new QuoteView.Quote(i + 1, validated.get(i), target.directory()));
            }
            return quote(quotes, json);
        }
        jobs().checkOutput(target, validated);
        BigDecimal cap = send.maxCost.value();
        // caps before the question: a set that would pass one is refused, not asked about
        jobs().checkCaps(validated, cap);
        tell(BatchCommand.summary(validated, jobs().sandbox()) + ", as one set");
        if (!send.yes && !confirm("Send them? [y/N] ")) {
            throw new UserError(ExitCode.BAD_INPUT, "nothing was sent; add --yes to send without asking");
        }
        notes(validated.getFirst()); // one request's options: the same notes for all
        tellAcceptedTasks();
        List<String> ids = jobs().submitAll(validated, target, cap);
        String group = jobs().group(ids);
        String pick = "'" + jimeng() + "pick ID' marks the winner";
        if (session().tracksInBackground()) {
            ids.forEach(root().shell()::trackJob);
            out().println(Words.count(ids.size(), "job") + " queued as group " + group + ": " + String.join(" ", ids)
                    + "; '" + jimeng() + "gallery --group " + group + "' writes their contact sheet, " + pick);
            return ExitCode.OK;
        }
        tell("group " + group + ": " + String.join(" ", ids));
        ExitCode worst = followAll(ids);
        if (worst == ExitCode.INTERRUPTED) {
            return worst;
        }
        Path sheet = Pages.contactSheet(target.directory(), jobs().members(group), jobs());
        out().println("contact sheet: " + TerminalText.safe(sheet.toString()) + "; " + pick);
        return worst;
    }
}
