package dev.jimeng.shell.complete;

import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options of the one-shot CLI that do nothing in the shell unless another option is on the line, so
 * TAB leaves them out there: a command the shell runs in the background returns at once and prints
 * no result, so its {@code --json} counts only for a dry run (or a {@code --wait} where there is one).
 * The root's process-wide options ({@code --sandbox}, {@code --verbose}, …) are left out by their
 * scope in {@link ShellCompleter}, not listed here.
 */
final class InertInShell {
    /** Command → option → the options that give it a meaning in the shell (none: it never has one). */
    static final Map<String, Map<String, Set<String>>> OPTIONS = Map.of(
            "generate", Map.of("--json", Set.of("--dry-run", "--wait")),
            "submit", Map.of("--json", Set.of("--dry-run")),
            "rerun", Map.of("--json", Set.of("--dry-run")),
            "batch", Map.of("--json", Set.of("--dry-run")),
            "attach", Map.of("--json", Set.of()));

    private InertInShell() {}

    /** True when {@code option} of {@code command} would do nothing with the options already on the line. */
    static boolean inert(CommandSpec command, OptionSpec option, Set<OptionSpec> onLine) {
        Set<String> givers = OPTIONS.getOrDefault(command.name(), Map.of()).get(option.longestName());
        if (givers == null) {
            return false;
        }
        return onLine.stream().noneMatch(o -> givers.contains(o.longestName()));
    }
}
