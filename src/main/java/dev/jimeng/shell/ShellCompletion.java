package dev.jimeng.shell;

import dev.jimeng.app.App;
import dev.jimeng.shell.complete.CompletionSources;
import dev.jimeng.shell.complete.JobIdCandidate;
import dev.jimeng.shell.complete.ShellCompleter;
import java.util.List;
import org.jline.reader.Completer;
import picocli.CommandLine;

/** Wires the completer to live state: the session's mode and the journal's newest jobs. */
final class ShellCompletion {
    private static final int JOB_IDS_OFFERED = 50;

    private ShellCompletion() {}

    static Completer create(CommandLine commands, App app) {
        return new ShellCompleter(
                commands,
                new CompletionSources(
                        () -> app.settings().mode(),
                        () -> jobIds(app),
                        app.env().userHome(),
                        app.env().workingDirectory()));
    }

    private static List<JobIdCandidate> jobIds(App app) {
        return app.jobs().jobs().stream()
                .limit(JOB_IDS_OFFERED)
                .map(j -> new JobIdCandidate(
                        j.id(),
                        j.state().label() + " · " + Notices.shorten(j.request().prompt())))
                .toList();
    }
}
