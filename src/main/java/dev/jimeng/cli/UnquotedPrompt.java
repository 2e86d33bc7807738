package dev.jimeng.cli;

import dev.jimeng.view.JobGuide;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A prompt typed as separate words ({@code jimeng generate a red fox --duration 10}, or without the
 * command): what to say instead of picocli's "Unmatched arguments", with the command line to type, its
 * prompt quoted. Nothing is guessed and sent: the words might be a mistyped command.
 */
final class UnquotedPrompt {
    private UnquotedPrompt() {}

    /** The words of a prompt run on past its argument, or those typed where a command goes. */
    static Optional<String> hint(
            String[] argv, List<String> unmatched, List<String> closeCommands, CommandLine failed) {
        boolean root = failed.getParent() == null;
        boolean takesPrompt =
                failed.getCommandSpec().positionalParameters().stream().anyMatch(p -> "PROMPT".equals(p.paramLabel()));
        if (unmatched.isEmpty()
                || unmatched.stream().anyMatch(w -> w.startsWith("-"))
                || !(takesPrompt || (root && unmatched.size() > 1))) {
            return Optional.empty();
        }
        List<String> args = Arrays.asList(argv);
        int words = unmatched.size();
        // the prompt is the argument before the unmatched words, or for the root the words themselves
        int before = root ? 0 : 1;
        for (int start = args.size() - words - before; start >= 0; start--) {
            if (args.subList(start + before, start + before + words).equals(unmatched)
                    && !args.get(start).startsWith("-")) {
                List<String> line = new ArrayList<>(args.subList(0, start));
                if (root) {
                    line.add("generate");
                }
                line.add(String.join(" ", args.subList(start, start + before + words)));
                line.addAll(args.subList(start + before + words, args.size()));
                String typed = JobGuide.commandLine(line);
                return Optional.of(
                        root
                                ? "unknown command '" + unmatched.getFirst() + "'; "
                                        + didYouMean(unmatched, closeCommands)
                                        + "for a video of that text, quote the prompt: " + typed
                                : failed.getCommandName() + " takes the prompt as one argument; quote it: " + typed);
            }
        }
        return Optional.empty();
    }

    /** A one- or two-letter word is close to some command by chance ('a' to 'g'). */
    private static String didYouMean(List<String> unmatched, List<String> closeCommands) {
        return unmatched.getFirst().length() > 2 && !closeCommands.isEmpty()
                ? "did you mean " + String.join(" or ", closeCommands) + "? or, "
                : "";
    }
}
