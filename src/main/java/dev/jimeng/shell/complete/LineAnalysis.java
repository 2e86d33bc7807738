package dev.jimeng.shell.complete;

import dev.jimeng.cli.complete.ValueKind;
import dev.jimeng.cli.complete.ValueKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the words before the cursor say: which (sub)command is being typed, which options it already has
 * (with their values), which positionals, and what the word under the cursor is.
 */
final class LineAnalysis {
    /** What the word under the cursor is. */
    sealed interface Target {
        /** A command name (the first word, or after a command that has subcommands). */
        record CommandName() implements Target {}

        /**
         * An option name ({@code -x} or {@code --xyz}), or a positional value that starts with a dash
         * ({@code set seed -1}): {@code positionalIndex} is the positional it would be.
         */
        record OptionName(int positionalIndex) implements Target {}

        /**
         * The value of {@code option}; {@code prefix} is what stays in front of it in the word ({@code
         * --mode=} in the {@code =} form, else empty) and {@code typed} the value typed so far.
         */
        record OptionValue(OptionSpec option, String prefix, String typed) implements Target {}

        /** Positional parameter number {@code index} of the command; options may also follow. */
        record Positional(int index, String typed, boolean optionsToo) implements Target {}
    }

    final CommandSpec command;
    /** Values given so far for each option of {@link #command} (flags get an empty list). */
    final Map<OptionSpec, List<String>> options = new LinkedHashMap<>();

    final List<String> positionals = new ArrayList<>();
    final Target target;

    private LineAnalysis(CommandSpec command, Target target) {
        this.command = command;
        this.target = target;
    }

    static LineAnalysis analyse(CommandLine root, List<String> words, int wordIndex, String current) {
        CommandSpec spec = root.getCommandSpec();
        int i = 0;
        while (i < wordIndex) {
            CommandLine sub = spec.subcommands().get(words.get(i));
            if (sub == null) break;
            spec = sub.getCommandSpec();
            i++;
        }
        boolean atCommandName = i == wordIndex && !spec.subcommands().isEmpty() && !current.startsWith("-");
        Scan scan = new Scan(spec);
        for (int w = i; w < wordIndex; w++) scan.accept(words.get(w));
        Target target;
        if (atCommandName) {
            target = new Target.CommandName();
        } else if (scan.pending != null) {
            target = new Target.OptionValue(scan.pending, "", current);
        } else if (!scan.endOfOptions && current.startsWith("-") && !looksLikeNegativeNumber(current)) {
            target = optionTarget(spec, current, scan.positionals.size());
        } else {
            target = new Target.Positional(scan.positionals.size(), current, current.isEmpty() && !scan.endOfOptions);
        }
        LineAnalysis a = new LineAnalysis(spec, target);
        a.options.putAll(scan.options);
        a.positionals.addAll(scan.positionals);
        return a;
    }

    /** All values given for options of this kind, in line order. */
    List<String> valuesOf(ValueKinds kinds, ValueKind kind) {
        List<String> values = new ArrayList<>();
        options.forEach((option, given) -> {
            if (kinds.forOption(option).filter(kind::equals).isPresent()) values.addAll(given);
        });
        return values;
    }

    private static Target optionTarget(CommandSpec spec, String current, int positionalIndex) {
        int eq = current.indexOf('=');
        if (eq > 0) {
            OptionSpec option = spec.findOption(current.substring(0, eq));
            if (option != null && takesValue(option)) {
                return new Target.OptionValue(option, current.substring(0, eq + 1), current.substring(eq + 1));
            }
        }
        return new Target.OptionName(positionalIndex);
    }

    static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0;
    }

    static boolean looksLikeNegativeNumber(String word) {
        return word.matches("-\\d[\\d.]*");
    }

    /** Walks the words after the command name, one at a time. */
    private static final class Scan {
        final CommandSpec spec;
        final Map<OptionSpec, List<String>> options = new LinkedHashMap<>();
        final List<String> positionals = new ArrayList<>();
        OptionSpec pending;
        boolean endOfOptions;

        Scan(CommandSpec spec) {
            this.spec = spec;
        }

        void accept(String word) {
            if (pending != null) {
                options.get(pending).add(word);
                pending = null;
                return;
            }
            if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
                return;
            }
            if (!endOfOptions && word.startsWith("-") && !looksLikeNegativeNumber(word)) {
                int eq = word.indexOf('=');
                OptionSpec option = spec.findOption(eq > 0 ? word.substring(0, eq) : word);
                if (option == null) return; // an unknown option: skip it rather than count it as a positional
                List<String> values = options.computeIfAbsent(option, o -> new ArrayList<>());
                if (eq > 0) values.add(word.substring(eq + 1));
                else if (takesValue(option)) pending = option;
                return;
            }
            positionals.add(word);
        }
    }
}
