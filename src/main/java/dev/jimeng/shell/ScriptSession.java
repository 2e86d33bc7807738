package dev.jimeng.shell;

import dev.jimeng.app.ExitCode;
import dev.jimeng.job.JobSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;

/**
 * The shell fed by a pipe or a file ({@code jimeng < script.txt}): each line runs as a command, output
 * is plain (no prompt, no echo, no escape sequences), a notice is printed as plain lines when a job
 * ends, and the script waits for the jobs it started before it exits, like a one-shot run would.
 * Nothing asks a question: there is no one to answer, so confirmations are answered "no".
 */
final class ScriptSession extends Session {
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    ScriptSession(dev.jimeng.cli.JimengCommand root, InputStream in, PrintStream out, PrintStream err) {
        super(root);
        this.in = in;
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    /** @return the last failing command's exit code, else the first failed job's, else 0 */
    int run() throws IOException {
        useStreams(out, err);
        int lastFailure = 0;
        try (AutoCloseable engine = startEngine(err::println)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (!exitRequested() && (line = lines.readLine()) != null) {
                int code = runLine(line);
                if (code != 0) {
                    lastFailure = code;
                }
            }
            app().jobs().awaitAll(jobs.ids());
            return lastFailure != 0 ? lastFailure : worstJobExit();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int worstJobExit() {
        if (root.existingApp() == null || jobs.isEmpty()) {
            return 0;
        }
        return jobs.ids().stream()
                .map(id -> app().jobs().find(id))
                .flatMap(java.util.Optional::stream)
                .map(app().jobs()::exitCodeOf)
                .filter(code -> code != ExitCode.OK)
                .findFirst()
                .map(ExitCode::code)
                .orElse(0);
    }

    @Override
    protected void onJob(JobSnapshot job) {
        if (jobs.recordAndCheckEnded(job)) {
            out.println(Notices.finished(
                    job,
                    app().jobs().clock().instant(),
                    app().jobs().invocation())); // PrintWriter.println is atomic: never splits a command's line
        }
    }

    @Override
    public void requestExit(boolean keepUnsent) {
        markExit();
    }

    @Override
    public boolean confirm(String question) {
        err.println(question.strip() + " no (input is not a terminal)");
        return false;
    }

    @Override
    public void clearScreen() {}

    @Override
    public Terminal terminal() {
        return null;
    }

    @Override
    public boolean capableTerminal() {
        return false;
    }

    @Override
    public void runFullScreen(java.util.function.Supplier<String> panel) {
        panel.get(); // a script's next lines are its own
    }
}
