package dev.jimeng.cli;

import dev.jimeng.text.Spelling;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A word where a command goes that names none ({@code jimeng stauts}, {@code jimeng profile add}):
 * what to say instead of picocli's "Unmatched argument at index 1": the closest command, the words
 * other tools use for one of ours, or the commands of a group.
 */
final class UnknownCommand {
    /** Words people bring from elsewhere (the MCP tools, other CLIs) for what a command here does. */
    private static final Map<String, String> OTHER_WORDS = Map.of(
            "quote", "a quote is generate … --dry-run: the estimated cost, nothing sent",
            "keys", "keys are kept with login (and shown by profile show)",
            "ls", "did you mean jobs?",
            "list", "did you mean jobs?");

    private UnknownCommand() {}

    static Optional<String> hint(CommandLine.UnmatchedArgumentException unmatched) {
        CommandLine failed = unmatched.getCommandLine();
        List<String> words = unmatched.getUnmatched();
        if (failed.getSubcommands().isEmpty()
                || words.isEmpty()
                || words.getFirst().startsWith("-")) {
            return Optional.empty();
        }
        String word = words.getFirst();
        boolean root = failed.getParent() == null;
        List<String> names = failed.getSubcommands().values().stream()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .map(CommandLine::getCommandName)
                .distinct()
                .toList();
        String unknown = "unknown " + (root ? "" : failed.getCommandName() + " ") + "command '" + word + "'";
        Optional<String> closest = Spelling.closest(word, names);
        if (closest.isPresent()) {
            return Optional.of(unknown + "; did you mean " + closest.get() + "?");
        }
        if (root) {
            return Optional.of(unknown
                    + Optional.ofNullable(OTHER_WORDS.get(word))
                            .map(w -> "; " + w)
                            .orElse(""));
        }
        return Optional.of(unknown + "; use one of " + String.join(", ", names));
    }
}
