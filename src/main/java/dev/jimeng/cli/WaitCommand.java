package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Carry jobs to the end (resuming them from the journal if needed) and report each. */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = "Wait for jobs to finish (resuming them from the journal), then print their results.",
        footer = {"", "Examples:", "  jimeng wait", "  jimeng wait k3f9a2b1 --json"})
public final class WaitCommand extends BaseCommand {
    @Parameters(
            paramLabel = "ID",
            arity = "0..*",
            description = "Job ids (or unique prefixes); none: every unfinished job.")
    List<String> ids;

    @Option(names = "--all", description = "Wait for every unfinished job (the same as giving no ids).")
    boolean all;

    @Option(names = "--json", description = "Print one JSON document per job.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        List<String> resolved = new ArrayList<>();
        if (ids == null || ids.isEmpty()) {
            resolved.addAll(unfinishedIds());
            if (resolved.isEmpty()) {
                err().println(nothingUnfinished());
                app().otherProfilesNote().ifPresent(n -> tell("note: " + n));
                err().flush();
                return ExitCode.OK;
            }
        } else {
            if (all) {
                throw new UserError(ExitCode.BAD_INPUT, "give job ids or --all, not both");
            }
            for (String id : ids) {
                resolved.add(requireJob(id).id());
            }
        }
        jobs().resumeAll();
        if (root().interactive()) {
            err().println("waiting for " + String.join(" ", resolved) + " (Ctrl-C stops waiting; the jobs carry on)");
            err().flush();
        }
        ExitCode worst = ExitCode.OK;
        boolean lines = !stdoutIsTerminal() && !json;
        try (AutoCloseable changes = lines ? OneShotSession.printStateChanges(app(), out(), resolved) : () -> {}) {
            for (String id : resolved) {
                ExitCode code = root().interactive()
                        ? awaitInShell(id, done -> report(done, json))
                        : session().follow(id, "", done -> report(done, json));
                if (code == ExitCode.INTERRUPTED) {
                    return code;
                }
                if (code != ExitCode.OK) {
                    worst = code;
                }
            }
        }
        return worst;
    }
}
