package dev.jimeng.shell;

import dev.jimeng.app.App;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.shell.complete.CompletionSources;
import dev.jimeng.shell.complete.JobIdCandidate;
import dev.jimeng.shell.complete.ShellCompleter;
import java.util.List;
import org.jline.reader.Completer;
import picocli.CommandLine;

/** Wires the completer to live state: the session's mode and every job in the journal (the completer keeps those matching what is typed). */
final class ShellCompletion {
    private ShellCompletion() {}

    static Completer create(CommandLine commands, App app) {
        return new ShellCompleter(
                commands,
                new CompletionSources(
                        () -> app.settings().mode(),
                        () -> jobIds(app.jobs().jobs()),
                        app.env().userHome(),
                        app.env().workingDirectory()));
    }

    static List<JobIdCandidate> jobIds(List<JobSnapshot> jobs) {
        return jobs.stream()
                .map(j -> new JobIdCandidate(
                        j.id(),
                        j.state().label() + " · " + Notices.shorten(j.request().prompt())))
                .toList();
    }
}
