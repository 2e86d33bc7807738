package dev.jimeng.cli;

import dev.jimeng.text.Spelling;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A mistyped option, named with the closest real one by {@link Spelling} (as commands and settings are):
 * picocli's own guess for {@code --dration 10} was {@code --dry-run}, and it called the {@code 10} an
 * option too.
 */
final class UnknownOption {
    private UnknownOption() {}

    static Optional<String> hint(CommandLine.UnmatchedArgumentException unmatched) {
        if (!unmatched.isUnknownOption()) {
            return Optional.empty();
        }
        Optional<String> typed = unmatched.getUnmatched().stream()
                .filter(w -> w.startsWith("-"))
                .map(w -> w.contains("=") ? w.substring(0, w.indexOf('=')) : w)
                .findFirst();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        List<String> options = unmatched.getCommandLine().getCommandSpec().options().stream()
                .filter(o -> !o.hidden())
                .flatMap(o -> Arrays.stream(o.names()))
                .filter(n -> n.startsWith("--"))
                .toList();
        Optional<String> closest =
                typed.get().startsWith("--") ? Spelling.closest(typed.get(), options) : Optional.empty();
        return Optional.of("unknown option '" + typed.get() + "'"
                + closest.map(c -> "; did you mean " + c + "?").orElse(""));
    }
}
