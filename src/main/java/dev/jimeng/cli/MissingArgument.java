package dev.jimeng.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A required argument or option left out: what to say instead of picocli's "Missing required
 * parameter: 'ID'": the command, and each missing one with what it is (from its description).
 */
final class MissingArgument {
    private MissingArgument() {}

    static String message(CommandLine.MissingParameterException missing) {
        String command = missing.getCommandLine().getCommandSpec().qualifiedName(" ");
        String name = command.contains(" ") ? command.substring(command.indexOf(' ') + 1) : command;
        List<ArgSpec> args = missing.getMissing();
        return name + " needs " + args.stream().map(MissingArgument::described).collect(Collectors.joining("; "));
    }

    /** {@code ID: job id (or unique prefix)}: its name, then its description as words in a sentence. */
    private static String described(ArgSpec arg) {
        String label = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
        String[] lines = arg.description();
        if (lines.length == 0 || lines[0].isBlank()) {
            return label;
        }
        String what = lines[0].strip();
        int sentence = what.indexOf(". ");
        what = sentence > 0 ? what.substring(0, sentence) : what;
        what = what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
        boolean acronym = what.length() > 1 && Character.isUpperCase(what.charAt(1));
        return label + ": " + (acronym ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1));
    }
}
