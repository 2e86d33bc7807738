package dev.jimeng.shell;

import dev.jimeng.app.App;
import dev.jimeng.config.Choice;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.shell.complete.CompletionSources;
import dev.jimeng.shell.complete.JobIdCandidate;
import dev.jimeng.shell.complete.SavedNames;
import dev.jimeng.shell.complete.ShellCompleter;
import dev.jimeng.text.TerminalText;
import java.util.List;
import org.jline.reader.Completer;
import picocli.CommandLine;

/** Wires the completer to live state: the session's mode and every job in the journal (the completer keeps those matching what is typed). */
final class ShellCompletion {
    private ShellCompletion() {}

    static Completer create(CommandLine commands, App app) {
        return create(() -> commands, app);
    }

    /** As above, with the tree given when the first TAB asks for it (it may still be being built). */
    static Completer create(java.util.function.Supplier<CommandLine> commands, App app) {
        return new ShellCompleter(
                commands,
                new CompletionSources(
                        () -> app.settings().mode(),
                        () -> jobIds(app.jobs().jobs()),
                        app.env().userHome(),
                        app.env().workingDirectory(),
                        new Saved(app)),
                dev.jimeng.cli.complete.ValueKinds.standard());
    }

    /** The app's templates and assets, read at each TAB so a {@code template save} counts at once. */
    record Saved(App app) implements SavedNames {
        @Override
        public List<Choice> templates() {
            return app.templates().all().stream()
                    .map(t -> new Choice(
                            t.name(),
                            t.variables().stream()
                                    .map(v -> v.required() ? v.name() : v.name() + "=" + v.defaultValue())
                                    .map(TerminalText::safe)
                                    .collect(java.util.stream.Collectors.joining(" "))))
                    .toList();
        }

        @Override
        public List<Choice> variables(String template) {
            return app.templates().find(template).stream()
                    .flatMap(t -> t.variables().stream())
                    .map(v -> new Choice(
                            v.name(), v.required() ? "required" : "default: " + TerminalText.safe(v.defaultValue())))
                    .toList();
        }

        @Override
        public List<Choice> assets() {
            return app.assets().all().entrySet().stream()
                    .map(e -> new Choice(
                            e.getKey(), TerminalText.safe(e.getValue().toString())))
                    .toList();
        }
    }

    static List<JobIdCandidate> jobIds(List<JobSnapshot> jobs) {
        return jobs.stream()
                .map(j -> new JobIdCandidate(
                        j.id(),
                        j.state().label() + " · " + Notices.shorten(j.request().prompt())))
                .toList();
    }
}
