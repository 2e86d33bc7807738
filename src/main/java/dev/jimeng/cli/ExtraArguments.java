package dev.jimeng.cli;

import dev.jimeng.view.JobGuide;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Words a command has no place for ({@code jimeng jobs red fox}, {@code jimeng show abc extra}): what
 * to say instead of picocli's "Unmatched arguments from index 1": what the command takes, and for a
 * command that searches, the search those words were likely meant as.
 */
final class ExtraArguments {
    private ExtraArguments() {}

    static Optional<String> hint(String[] argv, CommandLine.UnmatchedArgumentException unmatched) {
        CommandLine failed = unmatched.getCommandLine();
        List<String> words = unmatched.getUnmatched();
        if (!failed.getSubcommands().isEmpty()
                || words.isEmpty()
                || words.stream().anyMatch(w -> w.startsWith("-"))) {
            return Optional.empty();
        }
        CommandSpec spec = failed.getCommandSpec();
        List<PositionalParamSpec> params =
                spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        String given = words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        String name = failed.getCommandName();
        String takes = params.isEmpty()
                ? name + " takes no arguments, but was given " + given
                : name + " takes "
                        + params.stream().map(PositionalParamSpec::paramLabel).collect(Collectors.joining(" "))
                        + ", but was also given " + given;
        if (params.isEmpty() && spec.findOption("--search") != null) {
            // the line as typed (--sandbox, --profile…), the words moved behind --search
            List<String> line = new java.util.ArrayList<>(List.of(argv));
            for (String word : words.reversed()) {
                int at = line.lastIndexOf(word); // the last: an option's value may be the same word
                if (at < 0) {
                    return Optional.of(takes); // not the line as typed: no line to suggest
                }
                line.remove(at);
            }
            line.add("--search");
            line.add(String.join(" ", words));
            takes += "; to find jobs by their prompt: " + JobGuide.commandLine(line);
        }
        return Optional.of(takes);
    }
}
