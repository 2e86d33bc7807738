package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGuide;
import dev.jimeng.view.JobsView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A command run once from the command line: it waits for its jobs with a progress line on stderr
 * and reports them. Ctrl-C while waiting asks to cancel a job that has not been sent yet, and
 * otherwise says the task goes on at the server and how to pick it up.
 */
final class OneShotSession implements SessionPort {
    private final App app;
    private final PrintWriter err;
    private final InterruptSignal interrupts;

    OneShotSession(App app, PrintWriter err, InterruptSignal interrupts) {
        this.app = app;
        this.err = err;
        this.interrupts = interrupts;
    }

    @Override
    public boolean tracksInBackground() {
        return false;
    }

    @Override
    public ExitCode follow(String jobId, String announcement, Function<JobSnapshot, ExitCode> report)
            throws InterruptedException {
        JobSnapshot done;
        try (InterruptSignal.Handle ignored = interrupts.interruptOnCtrlC(Thread.currentThread())) {
            done = awaitWithProgress(jobId);
        } catch (InterruptedException e) {
            Thread.interrupted();
            return interrupted(jobId);
        } finally {
            Thread.interrupted(); // a Ctrl-C just as the job ended must not stop what comes next
        }
        return report.apply(done);
    }

    /** Ctrl-C: the job is the user's to keep or drop when it has not been sent; else it goes on. */
    private ExitCode interrupted(String jobId) {
        JobSnapshot job = app.jobs().find(jobId).orElseThrow();
        dev.jimeng.config.Invocation at = app.jobs().invocation();
        boolean sandbox = at.sandbox();
        err.println();
        if (NextSteps.allows(job, app.jobs().clock().instant(), NextSteps.Step.CANCEL)) {
            if (confirmDefaultYes("jimeng: job " + jobId + " not sent yet: cancel it? [Y/n] ")) {
                try {
                    app.jobs().cancel(jobId, false);
                    Tell.line(err, jobId + " canceled; nothing was billed");
                } catch (JobRefusedException e) {
                    Tell.line(err, JobGuide.refusal(e, app.jobs().clock().instant(), at));
                }
            } else {
                Tell.line(
                        err,
                        jobId + " kept: the next jimeng start sends it; "
                                + JobGuide.command(NextSteps.Step.WAIT, job, at) + " carries it on now");
            }
        } else if (job.state() == dev.jimeng.store.JobState.SUBMITTING) {
            Tell.line(
                    err,
                    jobId + " is being sent right now and may be billed; "
                            + JobGuide.command(NextSteps.Step.WAIT, job, at) + " picks it up");
        } else if (!job.state().terminal()) {
            Tell.line(
                    err,
                    jobId + " goes on at the server"
                            + " " + Billing.atServer(sandbox) + "; "
                            + JobGuide.command(NextSteps.Step.WAIT, job, at) + " picks it up");
        }
        err.flush();
        return ExitCode.INTERRUPTED;
    }

    /** Waits for a job, drawing a one-line progress on stderr when it is a terminal. */
    JobSnapshot awaitWithProgress(String id) throws InterruptedException {
        try (ProgressLine progress =
                new ProgressLine(err, app.env().stderrIsTerminal(), app.jobs().clock(), TerminalWidth.of(app))) {
            AutoCloseable sub = app.jobs().subscribe(s -> {
                if (s.id().equals(id)) {
                    progress.show(s);
                }
            });
            try (sub) {
                return app.jobs().awaitTerminal(id);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public boolean confirm(String question) {
        return ask(question).map(a -> a.toLowerCase().startsWith("y")).orElse(false);
    }

    private boolean confirmDefaultYes(String question) {
        return ask(question)
                .map(a -> a.isEmpty() || a.toLowerCase().startsWith("y"))
                .orElse(false);
    }

    /** The stripped answer line, or empty when there is no terminal to ask at. */
    private java.util.Optional<String> ask(String question) {
        if (!app.env().stdinIsTerminal()) {
            return java.util.Optional.empty();
        }
        err.print(question);
        err.flush();
        try {
            String answer =
                    new BufferedReader(new InputStreamReader(app.env().in(), StandardCharsets.UTF_8)).readLine();
            return java.util.Optional.ofNullable(answer).map(String::strip);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Prints one plain line per state change of these jobs (for pipes and logs) while the returned
     * handle is open.
     */
    static AutoCloseable printStateChanges(App app, PrintWriter out, Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        Map<String, dev.jimeng.store.JobState> last = new ConcurrentHashMap<>();
        Set<String> toldWaiting = ConcurrentHashMap.newKeySet();
        return app.jobs().subscribe(s -> {
            if (!wanted.contains(s.id())) {
                return;
            }
            if (last.put(s.id(), s.state()) != s.state()) {
                synchronized (out) {
                    out.println(JobsView.stateChange(s));
                    out.flush();
                }
            }
            if (s.waitingFor() != null && toldWaiting.add(s.id())) {
                synchronized (out) {
                    out.println(JobsView.waiting(s, java.time.ZoneId.systemDefault()));
                    out.flush();
                }
            }
        });
    }
}
