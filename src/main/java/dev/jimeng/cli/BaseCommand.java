package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.ResultView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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

    protected JimengCommand root() {
        return (JimengCommand) spec.root().userObject();
    }

    /** The job with this id or unique id prefix, or a one-line error naming the fix. */
    protected JobSnapshot requireJob(String idOrPrefix) {
        try {
            return app().jobs()
                    .job(idOrPrefix)
                    .orElseThrow(() ->
                            new UserError(ExitCode.BAD_INPUT, "no job '" + idOrPrefix + "': 'jimeng jobs' lists them"));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** Runs an engine action whose refusals (IllegalState/IllegalArgument) are the user's to fix. */
    protected <T> T engine(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Prints a finished job: the result (Markdown, or JSON with --json) on stdout when it is done;
     * otherwise one line on stderr naming the error code and what to do (and, with --json, the
     * document with its error on stdout). Returns the job's exit code.
     */
    protected ExitCode report(JobSnapshot done, boolean json) {
        boolean ok = done.state() == dev.jimeng.store.JobState.DONE;
        if (json) {
            out().print(ResultView.json(done));
        } else if (ok) {
            out().print(ResultView.markdown(done));
        }
        out().flush();
        if (!ok) {
            err().println("jimeng: " + ResultView.failureLine(done));
            err().flush();
        }
        return app().exitCodeOf(done);
    }

    /** A yes/no question: through the shell when inside one (it owns the input), else on stdin. */
    protected boolean confirm(String question) {
        return root().interactive() ? root().shell().confirm(question) : app().confirm(question, err());
    }

    /** True when the user sees the output live (state lines are for pipes and logs). */
    protected boolean stdoutIsTerminal() {
        return app().env().stdoutIsTerminal();
    }

    /**
     * Columns of the terminal the output goes to: the shell's terminal, else {@code COLUMNS}, else the
     * system terminal when stdout is one; 120 for pipes and files.
     */
    protected int terminalColumns() {
        if (root().interactive()
                && root().shell().terminal() != null
                && root().shell().terminal().getWidth() > 0) {
            return root().shell().terminal().getWidth();
        }
        String columns = app().env().get("COLUMNS");
        if (columns != null && columns.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(columns);
        }
        if (stdoutIsTerminal()) {
            try (Terminal terminal =
                    TerminalBuilder.builder().system(true).dumb(true).build()) {
                if (terminal.getWidth() > 0) {
                    return terminal.getWidth();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // no size to be had: fall back to the default
            }
        }
        return 120;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
