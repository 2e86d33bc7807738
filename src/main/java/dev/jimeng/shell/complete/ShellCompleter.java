package dev.jimeng.shell.complete;

import dev.jimeng.cli.complete.Descriptions;
import dev.jimeng.cli.complete.ValueKind;
import dev.jimeng.cli.complete.ValueKinds;
import dev.jimeng.config.Choice;
import dev.jimeng.config.Setting;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * TAB completion for the shell, in both {@code --opt value} and {@code --opt=value} forms.
 *
 * <ul>
 *   <li>first word: command names and aliases with their descriptions;
 *   <li>{@code -}, {@code --} or an empty word: the command's options not used yet (repeatable ones
 *       always), but none that would do nothing in the shell ({@link InertInShell});
 *   <li>option values and positionals by their {@link ValueKind} ({@link ValueKinds}): modes, durations
 *       and fps of the mode in effect (the line's {@code --mode}, else the session's), aspect ratios
 *       only if that mode takes one, camera templates and strengths, image/video/folder paths, live job
 *       ids, setting keys and values, saved prompt templates with their variables ({@code --var KEY=}),
 *       {@code @assets} wherever an image goes; otherwise picocli's {@code completionCandidates}.
 * </ul>
 *
 * Works on the words of JLine's {@code DefaultParser}, so quotes and escaped spaces are already removed
 * and JLine adds them back to what it inserts.
 */
public final class ShellCompleter implements Completer {
    private final Supplier<CommandLine> root;
    private final CompletionSources sources;
    private final ValueKinds kinds;
    private final PathCandidates paths;

    public ShellCompleter(CommandLine root, CompletionSources sources) {
        this(root, sources, ValueKinds.standard());
    }

    public ShellCompleter(CommandLine root, CompletionSources sources, ValueKinds kinds) {
        this(constant(Objects.requireNonNull(root, "root")), sources, kinds);
    }

    /** As above, with the tree asked for at each TAB (the shell builds it while its first prompt waits). */
    public ShellCompleter(Supplier<CommandLine> root, CompletionSources sources, ValueKinds kinds) {
        this.root = Objects.requireNonNull(root, "root");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.paths = new PathCandidates(sources.userHome(), sources.workingDirectory());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word() == null ? "" : line.word();
        String current = word.substring(0, Math.min(line.wordCursor(), word.length()));
        LineAnalysis a = LineAnalysis.analyse(root.get(), line.words(), line.wordIndex(), current);
        switch (a.target) {
            case LineAnalysis.Target.CommandName c -> commandNames(a.command, candidates);
            case LineAnalysis.Target.OptionName o -> {
                optionNames(a, current, candidates);
                List<Candidate> values = new ArrayList<>();
                positional(a, new LineAnalysis.Target.Positional(o.positionalIndex(), current, false), values);
                values.stream().filter(c -> c.value().startsWith(current)).forEach(candidates::add);
            }
            case LineAnalysis.Target.OptionValue v -> optionValue(a, v, candidates);
            case LineAnalysis.Target.Positional p -> {
                positional(a, p, candidates);
                if (p.optionsToo()) optionNames(a, current, candidates);
            }
        }
    }

    private static Supplier<CommandLine> constant(CommandLine root) {
        return () -> root;
    }

    // ---- commands and options --------------------------------------------------------------------

    private void commandNames(CommandSpec parent, List<Candidate> out) {
        for (Map.Entry<String, CommandLine> e : parent.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) continue;
            String descr = Descriptions.firstLine(sub.usageMessage().description());
            if (descr == null) descr = Descriptions.firstLine(sub.usageMessage().header());
            boolean alias = !e.getKey().equals(sub.name());
            if (alias) descr = "alias of " + sub.name() + (descr == null ? "" : ": " + descr);
            out.add(new Candidate(e.getKey(), e.getKey(), "commands", description(descr), null, null, true));
        }
    }

    private void optionNames(LineAnalysis a, String current, List<Candidate> out) {
        for (OptionSpec option : a.command.options()) {
            if (option.hidden()) continue;
            // --sandbox, --verbose, --color: the root's options, inherited by every command, are decided
            // for the whole process when the shell starts; typed on a line they would do nothing
            if (option.inherited() || option.scopeType() == CommandLine.ScopeType.INHERIT) continue;
            if (a.options.containsKey(option) && !option.isMultiValue()) continue;
            if (InertInShell.inert(a.command, option, a.options.keySet())) continue;
            String descr = Descriptions.firstLine(option.description());
            for (String name : namesFor(option, current)) {
                out.add(new Candidate(name, name, "options", description(descr), null, null, true));
            }
        }
    }

    /** On an empty word or {@code --}: one (long) name per option; on a single {@code -}: every name. */
    private static List<String> namesFor(OptionSpec option, String current) {
        if (current.equals("-")) return List.of(option.names());
        if (current.startsWith("--") || current.isEmpty()) return List.of(option.longestName());
        List<String> names = new ArrayList<>();
        for (String n : option.names()) if (n.startsWith(current)) names.add(n);
        return names;
    }

    // ---- values ----------------------------------------------------------------------------------

    private void optionValue(LineAnalysis a, LineAnalysis.Target.OptionValue v, List<Candidate> out) {
        Optional<ValueKind> kind = kinds.forOption(v.option());
        if (kind.isPresent()) values(kind.get(), a, v.prefix(), v.typed(), out);
        else picocliCandidates(v.option(), v.prefix(), out);
    }

    private void positional(LineAnalysis a, LineAnalysis.Target.Positional p, List<Candidate> out) {
        if (a.command.helpCommand() && a.command.parent() != null) {
            commandNames(a.command.parent(), out); // `help <TAB>` offers the commands
            return;
        }
        Optional<ValueKind> kind = kinds.forPositional(a.command, p.index());
        if (kind.isPresent()) {
            values(kind.get(), a, "", p.typed(), out);
            return;
        }
        for (PositionalParamSpec param : a.command.positionalParameters()) {
            if (param.index().contains(p.index()) && !param.hidden()) picocliCandidates(param, "", out);
        }
    }

    private void values(ValueKind kind, LineAnalysis a, String prefix, String typed, List<Candidate> out) {
        ModeSpec mode = modeInEffect(a);
        switch (kind) {
            case MODE, DURATION, FPS, TEMPLATE, STRENGTH, SETTING_KEY -> choices(kind.choices(mode), prefix, out);
            case ASPECT_RATIO -> {
                int images = a.valuesOf(kinds, ValueKind.IMAGE_PATH).size();
                if (mode == null || mode.takesAspectRatio(images)) choices(kind.choices(mode), prefix, out);
            }
            case IMAGE_PATH -> {
                if (typed.isEmpty() || typed.startsWith("@")) assets(prefix + "@", out);
                if (!typed.startsWith("@")) out.addAll(paths.complete(typed, prefix, PathCandidates.filesOf(kind)));
            }
            case PROMPT_TEMPLATE -> choices(saved(SavedNames::templates), prefix, out);
            case TEMPLATE_VARIABLE -> variables(a, prefix, typed, out);
            case ASSET -> assets(prefix, out);
            case OUTPUT_PATH, DIRECTORY, PROMPTS_FILE, STORYBOARD_FILE, VIDEO_OR_SIDECAR ->
                out.addAll(paths.complete(typed, prefix, PathCandidates.filesOf(kind)));
            case JOB_ID -> jobIds(a, prefix, typed, out);
            case JOB_OR_VIDEO -> {
                jobIds(a, prefix, typed, out);
                out.addAll(paths.complete(typed, prefix, PathCandidates.filesOf(kind)));
            }
            case SETTING_VALUE -> settingValue(a, prefix, typed, mode, out);
        }
    }

    private void settingValue(LineAnalysis a, String prefix, String typed, ModeSpec mode, List<Candidate> out) {
        if (a.positionals.isEmpty()) return;
        Optional<Setting> setting = Setting.byKey(a.positionals.getLast());
        if (setting.isEmpty()) return;
        if (setting.get() == Setting.OUTPUT_DIR) {
            out.addAll(paths.complete(typed, prefix, PathCandidates.filesOf(ValueKind.DIRECTORY)));
        } else {
            choices(setting.get().choices(mode), prefix, out);
        }
    }

    /** {@code KEY=} for each variable of the template on the line; nothing once a value is being typed. */
    private void variables(LineAnalysis a, String prefix, String typed, List<Candidate> out) {
        List<String> templates = a.valuesOf(kinds, ValueKind.PROMPT_TEMPLATE);
        if (templates.isEmpty() || typed.contains("=")) return;
        Set<String> given = new HashSet<>();
        a.valuesOf(kinds, ValueKind.TEMPLATE_VARIABLE).forEach(v -> given.add(v.split("=", 2)[0]));
        for (Choice v : saved(s -> s.variables(templates.getLast()))) {
            if (given.contains(v.value())) continue;
            out.add(candidate(prefix, v.value() + "=", v.description(), false)); // the value follows, no space
        }
    }

    private void assets(String prefix, List<Candidate> out) {
        choices(saved(SavedNames::assets), prefix, out);
    }

    /** What the saved names give; nothing when reading them fails (a broken file must not break the line). */
    private List<Choice> saved(java.util.function.Function<SavedNames, List<Choice>> names) {
        try {
            return names.apply(sources.saved());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Every known job whose id starts with what is typed, however old (the source gives them all). */
    private void jobIds(LineAnalysis a, String prefix, String typed, List<Candidate> out) {
        Set<String> already = new HashSet<>(a.positionals); // `wait A B <TAB>` does not offer A again
        List<JobIdCandidate> jobs;
        try {
            jobs = sources.jobIds().get();
        } catch (RuntimeException e) {
            return; // a failing job store must not break the line editor
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JobIdCandidate job : jobs) {
            if (!job.id().startsWith(typed) || already.contains(job.id()) || !seen.add(job.id())) continue;
            out.add(candidate(prefix, job.id(), Descriptions.shorten(job.description()), true));
        }
    }

    /** The line's mode if it names a known one, else the session's, else null (then all modes' values). */
    private ModeSpec modeInEffect(LineAnalysis a) {
        List<String> lineModes = a.valuesOf(kinds, ValueKind.MODE);
        if (!lineModes.isEmpty()) {
            Optional<ModeSpec> m = Capabilities.mode(lineModes.getLast());
            if (m.isPresent()) return m.get();
        }
        try {
            String session = sources.sessionMode().get();
            return session == null ? null : Capabilities.mode(session).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void choices(List<Choice> choices, String prefix, List<Candidate> out) {
        for (Choice c : choices) out.add(candidate(prefix, c.value(), c.description(), true, numericOrder(c.value())));
    }

    /** JLine lists candidates by their sort key, then by text: numbers get their value so 5 comes before 10. */
    private static int numericOrder(String value) {
        return value.matches("-?\\d{1,9}") ? Integer.parseInt(value) : 0;
    }

    private static void picocliCandidates(ArgSpec arg, String prefix, List<Candidate> out) {
        Iterable<String> values = arg.completionCandidates();
        if (values == null) return;
        for (String v : values) out.add(candidate(prefix, v, null, true));
    }

    private static Candidate candidate(String prefix, String value, String descr, boolean complete) {
        return candidate(prefix, value, descr, complete, 0);
    }

    private static Candidate candidate(String prefix, String value, String descr, boolean complete, int sort) {
        return new Candidate(prefix + value, value, null, description(descr), null, null, complete, sort);
    }

    /**
     * A description as JLine shows it, inside one pair of parentheses: its own parenthesised parts become
     * comma-separated ({@code seconds (241 frames)} is shown {@code (seconds, 241 frames)}).
     */
    static String description(String descr) {
        if (descr == null || descr.isBlank()) return null;
        String d = descr.replaceAll("\\s*\\(([^()]*)\\)", ", $1")
                .replace("(", "")
                .replace(")", "")
                .replaceAll("\\s*,(\\s*,)+", ",")
                .replaceAll("^\\s*,\\s*", "")
                .strip();
        return d.isEmpty() ? null : d;
    }
}
