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
    /**
     * Words people bring from elsewhere (the shell's own commands, the MCP tools, other CLIs) for what
     * a command here does. They win over the closest spelling: 'unset' is not a misspelt 'asset'.
     */
    private static final Map<String, String> OTHER_WORDS = Map.of(
            "quote", "a quote is generate … --dry-run: the estimated cost, nothing sent",
            "keys", "keys are kept with login (and shown by profile show)",
            "ls", "did you mean jobs?",
            "list", "did you mean jobs?",
            "modes", "the modes are in: jimeng help modes",
            "set",
                    "set is the shell's, for its session (jimeng with no command); to save a setting: jimeng"
                            + " config set KEY VALUE",
            "unset",
                    "unset is the shell's, for its session (jimeng with no command); to drop a saved"
                            + " setting: jimeng config unset KEY",
            "settings", "settings is the shell's (jimeng with no command); here: jimeng config list");

    private UnknownCommand() {}

    /**
     * A word brought from elsewhere, typed where a command goes ({@code jimeng unset mode}): asked
     * before the line is taken for an unquoted prompt, which it is not.
     */
    static Optional<String> broughtFromElsewhere(CommandLine.UnmatchedArgumentException unmatched) {
        List<String> words = unmatched.getUnmatched();
        if (unmatched.getCommandLine().getParent() != null
                || words.isEmpty()
                || !OTHER_WORDS.containsKey(words.getFirst())) {
            return Optional.empty();
        }
        return Optional.of("unknown command '" + words.getFirst() + "'; " + OTHER_WORDS.get(words.getFirst()));
    }

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
            return Optional.of(unknown);
        }
        return Optional.of(unknown + "; use one of " + String.join(", ", names));
    }
}
