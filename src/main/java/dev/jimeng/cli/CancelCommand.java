package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Ends jobs that have not been sent (never billed, never sent by a later start). A task already at
 * the server cannot be stopped through the API: {@code --forget} stops tracking it on the user's word.
 */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel jobs not sent yet (not billed); --forget stops tracking a task already at the server.",
        footer = {"", "Examples:", "  jimeng cancel k3f9a2b1", "  jimeng cancel --all-queued"})
public final class CancelCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Job ids (or unique prefixes).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all-queued", description = "Cancel every job not sent yet.")
    boolean allQueued;

    @Option(
            names = "--forget",
            description = "For a task already at the server (billed, it cannot be stopped): stop tracking it;"
                    + " its video is then not downloaded.")
    boolean forget;

    @Override
    protected ExitCode doCall() {
        if (ids.isEmpty() && !allQueued) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "name the jobs to cancel, or give --all-queued ('" + jimeng()
                            + "jobs --status queued' lists them)");
        }
        List<String> targets = new ArrayList<>();
        for (String id : ids) {
            targets.add(requireJob(id).id());
        }
        if (allQueued) {
            jobs().unsent().stream()
                    .map(JobSnapshot::id)
                    .filter(id -> !targets.contains(id))
                    .forEach(targets::add);
            if (targets.isEmpty()) {
                out().println("no job is waiting to be sent; nothing to cancel");
                return ExitCode.OK;
            }
        }
        ExitCode result = ExitCode.OK;
        for (String id : targets) {
            try {
                JobSnapshot ended = engine(() -> jobs().cancel(id, forget));
                out().println(
                                ended.taskId() == null
                                        ? id + " canceled; it was never sent, nothing is billed"
                                        : id + " no longer tracked; task " + TerminalText.safe(ended.taskId())
                                                + (jobs().sandbox() ? " (sandbox, not billed)" : " is billed")
                                                + " and its video is not downloaded ('" + jimeng() + "retry " + id
                                                + "' picks it up again within 12 hours)");
            } catch (UserError e) {
                tell(e.getMessage());
                result = e.exitCode();
            }
        }
        out().flush();
        return result;
    }
}
