package dev.jimeng.cli.complete;

import dev.jimeng.config.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command tree as the completion scripts need it: each command with its aliases, options and what its
 * options and first positional take. Values come from {@link ValueKinds} and {@link ValueKind#choices} (as in
 * the shell), else from picocli's {@code completionCandidates} (enums); the mode is not known in advance,
 * so durations and fps are those of every mode.
 */
public record CompletionTree(List<Option> rootOptions, List<Command> commands) {

    /** What a value slot completes to. */
    public sealed interface Values {
        /** Free text (a prompt, a number): nothing to offer. */
        record Free() implements Values {}

        record Choices(List<Choice> choices) implements Values {}

        /** Folders and files with these extensions (lower case, no dot). */
        record Files(List<String> extensions) implements Values {}

        record Directories() implements Values {}

        /** Ids of the journal's jobs, asked of {@code jimeng completion --job-ids} at every TAB. */
        record JobIds() implements Values {}

        /** Names of saved prompt templates, asked of {@code jimeng completion --template-names} at every TAB. */
        record TemplateNames() implements Values {}
    }

    public record Option(List<String> names, String description, boolean takesValue, Values values) {}

    public record Command(
            String name, List<String> aliases, String description, List<Option> options, Values positional) {
        public List<String> namesAndAliases() {
            List<String> all = new ArrayList<>(List.of(name));
            all.addAll(aliases);
            return all;
        }
    }

    public static CompletionTree of(CommandSpec root, ValueKinds kinds) {
        List<Command> commands = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name()) || sub.usageMessage().hidden()) {
                continue; // an alias: listed with its command
            }
            commands.add(new Command(
                    sub.name(),
                    List.of(sub.aliases()),
                    Descriptions.firstLine(sub.usageMessage().description()),
                    options(sub, kinds),
                    positional(sub, kinds)));
        }
        return new CompletionTree(options(root, kinds), commands);
    }

    private static List<Option> options(CommandSpec command, ValueKinds kinds) {
        List<Option> options = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            boolean takesValue = option.arity().max() > 0;
            Values values = takesValue
                    ? kinds.forOption(option).map(CompletionTree::values).orElseGet(() -> candidates(option))
                    : new Values.Free();
            options.add(new Option(
                    List.of(option.names()), Descriptions.firstLine(option.description()), takesValue, values));
        }
        return options;
    }

    private static Values positional(CommandSpec command, ValueKinds kinds) {
        if (command.positionalParameters().isEmpty()) {
            return new Values.Free();
        }
        return kinds.forPositional(command, 0)
                .map(CompletionTree::values)
                .orElseGet(() -> candidates(command.positionalParameters().getFirst()));
    }

    static Values values(ValueKind kind) {
        return switch (kind) {
            case IMAGE_PATH, OUTPUT_PATH, PROMPTS_FILE, STORYBOARD_FILE, VIDEO_OR_SIDECAR ->
                new Values.Files(kind.fileExtensions());
            case DIRECTORY -> new Values.Directories();
            case JOB_ID, JOB_OR_VIDEO -> new Values.JobIds();
            case PROMPT_TEMPLATE -> new Values.TemplateNames();
            case SETTING_VALUE, TEMPLATE_VARIABLE, ASSET -> new Values.Free();
            default -> new Values.Choices(kind.choices(null));
        };
    }

    private static Values candidates(ArgSpec arg) {
        Iterable<String> values = arg.completionCandidates();
        if (values == null) {
            return new Values.Free();
        }
        List<Choice> choices = new ArrayList<>();
        values.forEach(v -> choices.add(new Choice(v, null)));
        return new Values.Choices(choices);
    }
}
