package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.store.JobState;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Try a finished job again. Without --resubmit nothing is billed (poll or download again); with
 * it the same request is sent as a new task, which is billed again, so it asks first.
 */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = "Try a job again: poll/download again for free, or --resubmit it (billed again).",
        footer = {"", "Examples:", "  jimeng retry k3f9a2b1", "  jimeng retry k3f9a2b1 --resubmit"})
public final class RetryCommand extends BaseCommand {
    @Parameters(paramLabel = "ID", description = "Job id (or unique prefix).")
    String id;

    @Option(names = "--resubmit", description = "Send the request again as a new task. It is billed again.")
    boolean resubmit;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask before a billed re-submit.")
    boolean yes;

    @picocli.CommandLine.Mixin
    MaxCostOption maxCost;

    @Override
    protected ExitCode doCall() throws Exception {
        JobSnapshot job = requireJob(id);
        if (resubmit && !yes) {
            double cost = Capabilities.mode(job.request().mode())
                    .map(m -> Capabilities.estimatedCost(m, job.request().durationSeconds()))
                    .orElse(0.0);
            String question = String.format(
                    "Re-submitting %s sends it to the API again and is billed again (≈¥%.2f estimated). Continue? [y/N] ",
                    job.id(), cost);
            if (!jobs().sandbox() && !confirm(question)) {
                throw new UserError(ExitCode.BAD_INPUT, "not re-submitted; add --yes to re-submit without asking");
            }
        }
        tellAcceptedTasks();
        Optional<NextSteps.Step> free = NextSteps.freeRetry(job, jobs().clock().instant());
        String working = engine(() -> jobs().retry(job.id(), resubmit, maxCost.value()));
        out().println(
                        working.equals(job.id())
                                ? freeRetryLine(job, free.orElse(NextSteps.Step.POLL_AGAIN))
                                : working + " submitted (retry of " + job.id() + ")"
                                        + (jobs().sandbox() ? "; sandbox, not billed" : ""));
        out().flush();
        boolean copy = working.equals(job.id()) && job.state() == JobState.DONE;
        String told =
                copy ? "you will be told when the copy is saved" : "you will be told when " + working + " is done";
        return session().follow(working, told, done -> report(done, false));
    }

    /** What a free retry of {@code job} is doing, in the words of its step. */
    private static String freeRetryLine(JobSnapshot job, NextSteps.Step step) {
        if (step == NextSteps.Step.POLL_AGAIN) {
            return job.id() + ": asking the server about its task again (nothing billed)";
        }
        return job.state() == JobState.DONE
                ? job.id() + " is done: saving another copy of its video (nothing billed)"
                : job.id() + ": downloading its video again (nothing billed)";
    }
}
