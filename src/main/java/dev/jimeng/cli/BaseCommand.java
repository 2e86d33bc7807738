package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.JobService;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGuide;
import dev.jimeng.view.QuoteView;
import dev.jimeng.view.ResultView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Every verb: finds the app through the root command, returns a named exit code. */
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return doCall().code();
    }

    protected abstract ExitCode doCall() throws Exception;

    protected App app() {
        return root().app();
    }

    /** The use cases: submit, cancel, retry, download, wait, list. */
    protected JobService jobs() {
        return app().jobs();
    }

    protected JimengCommand root() {
        return (JimengCommand) spec.root().userObject();
    }

    /** Where this command runs: it decides whether a started job is waited for or tracked. */
    protected SessionPort session() {
        return root().currentSession();
    }

    /** The job with this id or unique id prefix, or a one-line error naming the fix. */
    protected JobSnapshot requireJob(String idOrPrefix) {
        try {
            return jobs().find(idOrPrefix)
                    .orElseThrow(() -> new UserError(
                            ExitCode.BAD_INPUT, "no job '" + idOrPrefix + "': '" + jimeng() + "jobs' lists them"));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** The marks of sets made as one (group, picked winner) of just these jobs: read by id, not from every grouped job. */
    protected dev.jimeng.view.JobGroups groupMarks(java.util.Collection<JobSnapshot> listed) {
        dev.jimeng.store.GroupMarks marks = jobs().groupMarksOf(listed);
        return new dev.jimeng.view.JobGroups(marks.groupOf(), marks.picked());
    }

    /** Ids of every job not yet ended, oldest first: what {@code wait} and {@code status} mean without ids. */
    protected java.util.List<String> unfinishedIds() {
        return jobs().unfinished().stream().map(JobSnapshot::id).toList();
    }

    /** Said when there is no unfinished job to wait for or show. */
    protected String nothingUnfinished() {
        return dev.jimeng.view.JobsView.noneMatching("unfinished jobs", jobs().count(), jimeng() + "generate")
                + app().otherProfilesNote()
                        .map(n -> System.lineSeparator() + "jimeng: note: " + n)
                        .orElse("");
    }

    /** "jimeng ", "jimeng --sandbox " or "jimeng --profile work ", for commands printed to the user. */
    protected String jimeng() {
        return jobs().invocation().jimeng() + " ";
    }

    /**
     * A one-shot run tells every task the server accepts on stderr at once (also with --json), before
     * the journal records it, and says so while the journal cannot: the id then reaches the user
     * whatever becomes of the journal. The shell tells of jobs as they end instead.
     */
    protected void tellAcceptedTasks() {
        if (root().interactive()) {
            return;
        }
        PrintWriter err = err();
        boolean terminal = app().env().stderrIsTerminal();
        java.util.Map<String, java.time.Instant> lastNote = new java.util.concurrent.ConcurrentHashMap<>();
        jobs().onTaskAccepted(s -> {
            String line;
            if (JobSnapshot.JOURNAL_RETRY.equals(s.errorCode())) {
                java.time.Instant now = jobs().clock().instant();
                java.time.Instant last = lastNote.get(s.id());
                if (last != null && now.isBefore(last.plusSeconds(10))) {
                    return; // a note every few seconds at most, however fast the tries
                }
                lastNote.put(s.id(), now);
                line = "jimeng: " + TerminalText.oneLine(s.errorMessage());
            } else {
                line = "jimeng: task " + TerminalText.safe(s.taskId()) + " accepted for job " + s.id();
            }
            synchronized (err) {
                err.print((terminal ? "\r\033[K" : "") + line + System.lineSeparator());
                err.flush();
            }
        });
    }

    /** Runs a use case whose refusals are the user's to act on: one line with the next step. */
    protected <T> T engine(Supplier<T> action) {
        try {
            return action.get();
        } catch (JobRefusedException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT, JobGuide.refusal(e, jobs().clock().instant(), jobs().invocation()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Prints a finished job: the result (Markdown, or JSON with --json) on stdout when it is done;
     * otherwise one line on stderr naming the error code and the next step (and, with --json, the
     * document with its error on stdout). Returns the job's exit code.
     */
    protected ExitCode report(JobSnapshot done, boolean json) {
        boolean ok = done.state() == JobState.DONE;
        if (json) {
            out().print(ResultView.json(done, jobs().clock().instant(), jobs().invocation()));
        } else if (ok) {
            out().print(ResultView.markdown(done, links()));
            thumbnail(done);
        }
        out().flush();
        if (!ok) {
            tell(ResultView.failureLine(done, jobs().clock().instant(), jobs().invocation()));
            err().flush();
        }
        return jobs().exitCodeOf(done);
    }

    /**
     * Waits in the shell's foreground. Ctrl-C stops the wait, never the job; a job not sent yet may
     * be canceled then, on the user's word.
     */
    protected ExitCode awaitInShell(String id, java.util.function.Function<JobSnapshot, ExitCode> report)
            throws InterruptedException {
        try {
            return report.apply(jobs().awaitTerminal(id));
        } catch (InterruptedException e) {
            JobSnapshot job = jobs().find(id).orElseThrow();
            var cancel = dev.jimeng.job.NextSteps.Step.CANCEL;
            if (dev.jimeng.job.NextSteps.allows(job, jobs().clock().instant(), cancel)
                    && confirm("job " + id + " not sent yet: cancel it? [y/N] ")) {
                engine(() -> jobs().cancel(id, false));
                err().println(id + " canceled; nothing was billed");
            } else {
                err().println("interrupted (background jobs keep running): " + id + " carries on ("
                        + job.state().label() + "); '"
                        + JobGuide.command(dev.jimeng.job.NextSteps.Step.WAIT, job, jobs().invocation())
                        + "' picks it up");
            }
            err().flush();
            return ExitCode.INTERRUPTED;
        }
    }

    /** The validator's notes (where jimeng follows the API rather than the seed script), on stderr. */
    protected void notes(dev.jimeng.request.ValidatedRequest validated) {
        validated.warnings().forEach(w -> tell("note: " + w));
    }

    /** Where a job goes: its --output, or the output folder. */
    protected dev.jimeng.app.Destination destination(SendOptions send) {
        return dev.jimeng.app.OutputTarget.resolve(
                send.output, app().env().workingDirectory(), app().outputDirectory());
    }

    /**
     * Sends one validated job as generate and submit do: notes first, then the duplicate guard,
     * then the caps and the output check (in the use case); returns the job's id.
     */
    protected String send(dev.jimeng.request.ValidatedRequest validated, SendOptions send) {
        dev.jimeng.app.Destination target = destination(send);
        notes(validated);
        java.math.BigDecimal cap = send.maxCost.value();
        guardAgainstTwin(validated, send.yes);
        tellAcceptedTasks();
        return jobs().submit(validated, target, cap);
    }

    /**
     * After a job is sent: waits for it and prints the result (one-shot, or the shell with --wait),
     * or tells the shell to say when it is done.
     */
    protected ExitCode follow(String id, dev.jimeng.request.ValidatedRequest validated, boolean json, boolean waitHere)
            throws Exception {
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

    /**
     * Waits for every job in a one-shot run, a line per state change; returns the worst exit code
     * (INTERRUPTED at once on Ctrl-C).
     */
    protected ExitCode followAll(java.util.List<String> ids) throws Exception {
        ExitCode worst = ExitCode.OK;
        try (AutoCloseable lines = OneShotSession.printStateChanges(app(), out(), ids)) {
            for (String id : ids) {
                ExitCode code = session().follow(id, "", jobs()::exitCodeOf);
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

    /** Prints what a dry run would send (text, or one JSON document); nothing is sent. */
    protected ExitCode quote(java.util.List<QuoteView.Quote> quotes, boolean json) {
        return quote(quotes, json, "LINE");
    }

    /** As above; {@code numbered} heads the table's column of job numbers. */
    protected ExitCode quote(java.util.List<QuoteView.Quote> quotes, boolean json, String numbered) {
        out().print(
                        json
                                ? QuoteView.json(quotes, jobs().sandbox())
                                : QuoteView.text(quotes, jobs().sandbox(), numbered));
        out().flush();
        return ExitCode.OK;
    }

    protected ExitCode quote(
            dev.jimeng.request.ValidatedRequest request, dev.jimeng.app.Destination target, boolean json) {
        java.nio.file.Path where = target == null ? null : target.file() != null ? target.file() : target.directory();
        return quote(java.util.List.of(new QuoteView.Quote(1, request, where)), json);
    }

    /**
     * The duplicate guard: the same video asked for in the last 24 hours is sent again only on the
     * user's word (or --yes); otherwise nothing is sent.
     */
    protected void guardAgainstTwin(dev.jimeng.request.ValidatedRequest request, boolean yes) {
        if (yes) {
            return;
        }
        jobs().recentTwin(request).ifPresent(twin -> {
            String age = dev.jimeng.text.Durations.compact(
                    java.time.Duration.between(twin.createdAt(), jobs().clock().instant()));
            String what =
                    "job " + twin.id() + " (" + twin.state().label() + ", " + age + " ago) asked for the same video";
            String question = "jimeng: " + what + "; send it again ("
                    + Billing.cost(request.estimatedCostCny(), jobs().sandbox()) + ")? [y/N] ";
            if (!confirm(question)) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        what + "; nothing was sent ('" + JobGuide.show(twin, jobs().invocation())
                                + "' has it; add --yes to send it again)");
            }
        });
    }

    /** Refuses a count option (--limit, --max-jobs, --concurrency) below 1, naming it and the value given. */
    protected static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new UserError(ExitCode.BAD_INPUT, option + " must be at least 1, got " + value);
        }
    }

    /** A yes/no question, asked where the session can (the shell owns the input when inside one). */
    protected boolean confirm(String question) {
        return session().confirm(question);
    }

    /** How the terminal on stdout shows a picture (nothing when stdout is not a terminal). */
    protected dev.jimeng.preview.Graphics graphics() {
        return dev.jimeng.preview.Graphics.detect(app().env().variables(), stdoutIsTerminal());
    }

    /** A done job's first frame under what was printed about it, when stdout is a terminal. */
    protected void thumbnail(JobSnapshot job) {
        if (job.state() == JobState.DONE && job.outputPath() != null) {
            Previews.draw(
                    out(),
                    err(),
                    job.outputPath(),
                    dev.jimeng.preview.FramePosition.FIRST,
                    Previews.columnsFor(terminalColumns()),
                    graphics());
        }
    }

    /** True when the user sees the output live (state lines are for pipes and logs). */
    protected boolean stdoutIsTerminal() {
        return app().env().stdoutIsTerminal();
    }

    /**
     * Columns of the terminal the output goes to: the shell's terminal, else {@link TerminalWidth}.
     */
    protected int terminalColumns() {
        if (root().interactive()
                && root().shell().terminal() != null
                && root().shell().terminal().getWidth() > 0) {
            return root().shell().terminal().getWidth();
        }
        return TerminalWidth.of(app());
    }

    /** Whether to draw in colour: --color, NO_COLOR and whether stdout is a terminal decide. */
    protected boolean colors() {
        boolean terminal = root().interactive() ? root().shell().capableTerminal() : stdoutIsTerminal();
        return root().color()
                .colors(terminal, app().env().get("NO_COLOR"), app().env().get("TERM"));
    }

    /** Whether saved files' paths are OSC 8 links: decided by {@link dev.jimeng.config.ColorChoice#links}. */
    protected boolean links() {
        boolean terminal = root().interactive() ? root().shell().capableTerminal() : stdoutIsTerminal();
        return root().color().links(terminal, app().env()::get);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * Prints {@code jimeng: LINE} to stderr, LINE's control characters shown as text ({@link
     * TerminalText#safe}): the one way a command tells the user something there, since a line may
     * quote a file, a prompt or the server.
     */
    protected void tell(String line) {
        Tell.line(err(), line);
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
