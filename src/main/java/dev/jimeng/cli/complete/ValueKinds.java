package dev.jimeng.cli.complete;

import static dev.jimeng.cli.complete.ValueKind.*;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one table of which option or positional parameter takes which {@link ValueKind}. Options are
 * matched by any of their names, whatever command they belong to; positionals by the command's name
 * (not an alias; a subcommand's with its parent's, {@code template show}) and index, {@link Slot.Positional#ANY} meaning every position. Anything not in the table
 * falls back to picocli's own {@code completionCandidates} (enums complete that way).
 */
public final class ValueKinds {
    /** A place on the command line that takes a value. */
    public sealed interface Slot {
        record Option(String name) implements Slot {}

        record Positional(String command, int index) implements Slot {
            public static final int ANY = -1;
        }
    }

    private static final Map<Slot, ValueKind> STANDARD = Map.ofEntries(
            Map.entry(new Slot.Option("--mode"), MODE),
            Map.entry(new Slot.Option("--duration"), DURATION),
            Map.entry(new Slot.Option("--fps"), FPS),
            Map.entry(new Slot.Option("--aspect-ratio"), ASPECT_RATIO),
            Map.entry(new Slot.Option("--template"), TEMPLATE),
            Map.entry(new Slot.Option("--camera-strength"), STRENGTH),
            Map.entry(new Slot.Option("--image"), IMAGE_PATH),
            Map.entry(new Slot.Option("--tail-image"), IMAGE_PATH),
            Map.entry(new Slot.Option("--output"), OUTPUT_PATH),
            Map.entry(new Slot.Option("--output-dir"), DIRECTORY),
            Map.entry(new Slot.Option("--prompt-template"), PROMPT_TEMPLATE),
            Map.entry(new Slot.Option("--var"), TEMPLATE_VARIABLE),
            Map.entry(new Slot.Positional("template show", 0), PROMPT_TEMPLATE),
            Map.entry(new Slot.Positional("template rm", 0), PROMPT_TEMPLATE),
            Map.entry(new Slot.Positional("asset rm", 0), ASSET),
            Map.entry(new Slot.Positional("asset add", 1), IMAGE_PATH),
            Map.entry(new Slot.Positional("batch", 0), PROMPTS_FILE),
            Map.entry(new Slot.Positional("story", 0), STORYBOARD_FILE),
            Map.entry(new Slot.Positional("inspect", 0), VIDEO_OR_SIDECAR),
            Map.entry(new Slot.Positional("rerun", 0), VIDEO_OR_SIDECAR),
            Map.entry(new Slot.Positional("preview", 0), JOB_OR_VIDEO),
            Map.entry(new Slot.Positional("status", 0), JOB_ID),
            Map.entry(new Slot.Positional("download", 0), JOB_ID),
            Map.entry(new Slot.Positional("show", 0), JOB_ID),
            Map.entry(new Slot.Positional("retry", 0), JOB_ID),
            Map.entry(new Slot.Positional("cancel", 0), JOB_ID),
            Map.entry(new Slot.Positional("wait", Slot.Positional.ANY), JOB_ID),
            Map.entry(new Slot.Positional("star", 0), JOB_ID),
            Map.entry(new Slot.Positional("pick", 0), JOB_ID),
            Map.entry(new Slot.Positional("set", 0), SETTING_KEY),
            Map.entry(new Slot.Positional("set", 1), SETTING_VALUE),
            Map.entry(new Slot.Positional("unset", 0), SETTING_KEY));

    private final Map<Slot, ValueKind> table;

    public ValueKinds(Map<Slot, ValueKind> table) {
        this.table = Map.copyOf(table);
    }

    /** jimeng's table. */
    public static ValueKinds standard() {
        return new ValueKinds(STANDARD);
    }

    public Optional<ValueKind> forOption(OptionSpec option) {
        for (String name : option.names()) {
            ValueKind kind = table.get(new Slot.Option(name));
            if (kind != null) return Optional.of(kind);
        }
        return Optional.empty();
    }

    public Optional<ValueKind> forPositional(CommandSpec command, int index) {
        String name = path(command);
        ValueKind kind = table.get(new Slot.Positional(name, index));
        if (kind == null) kind = table.get(new Slot.Positional(name, Slot.Positional.ANY));
        return Optional.ofNullable(kind);
    }

    /** {@code show} for a command under the root, {@code template show} for one a level deeper. */
    private static String path(CommandSpec command) {
        StringBuilder path = new StringBuilder(command.name());
        for (CommandSpec c = command.parent(); c != null && c.parent() != null; c = c.parent()) {
            path.insert(0, c.name() + " ");
        }
        return path.toString();
    }
}
