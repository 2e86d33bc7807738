package dev.jimeng.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command tree, fully or for one run. Picocli reflects over a subcommand when it is added
 * (and so loads what its fields and methods name: the app, JLine, …); a one-shot run needs only the
 * subcommand it names. The others become stand-ins that carry just what the root's usage and "did
 * you mean" show: name, aliases, header and description, read from their {@code @Command}.
 */
final class CommandTree {
    /** The root's options that print its usage or the version instead of running anything. */
    private static final List<String> HELP_OPTIONS = List.of("-h", "--help");

    private static final List<String> VERSION_OPTIONS = List.of("-V", "--version");

    private CommandTree() {}

    /**
     * Whether these arguments may start the shell: options only, none of which prints help or the
     * version (an option's separate value, as in {@code --profile work}, makes this false: it only
     * decides whether the terminal is opened ahead).
     */
    static boolean mayStartShell(String[] args) {
        return Arrays.stream(args)
                .allMatch(a -> a.startsWith("-") && !HELP_OPTIONS.contains(a) && !VERSION_OPTIONS.contains(a));
    }

    /** Every subcommand built: the shell, completion scripts and the man page walk the whole tree. */
    static CommandLine full(JimengCommand root) {
        return build(root, cls -> true, false);
    }

    /**
     * A tree where only the subcommands {@code args} may name are built. Any argument equal to a
     * subcommand's name or alias counts (an option's value may be a word like "jobs": that costs only
     * time); an {@code @file} argument may name anything, so it gets the whole tree. The others are
     * stand-ins when the root may list them ({@link #rootMayListCommands}), else left out: each costs
     * picocli a parser of its own, a tenth of a second for all of them.
     */
    static CommandLine forArgs(JimengCommand root, String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("@"))) {
            return full(root);
        }
        Set<String> words = Set.of(
                Arrays.stream(args).filter(a -> !a.startsWith("-")).distinct().toArray(String[]::new));
        // with no word at all (the shell's start, --version), no command's annotations need reading
        Predicate<Class<?>> named =
                words.isEmpty() ? cls -> false : cls -> names(cls).anyMatch(words::contains);
        return build(root, named, rootMayListCommands(args, named));
    }

    /**
     * Whether the root's usage or a "did you mean" may show the subcommands: {@code --help}, the
     * {@code help} command, or a word that names no command (a typo, or an option's value). Not for
     * another command's run or help, {@code --version}, or the shell's start (no words at all).
     */
    private static boolean rootMayListCommands(String[] args, Predicate<Class<?>> named) {
        boolean commandNamed = JimengCommand.SUBCOMMANDS.stream()
                .filter(cls -> cls != HelpCommand.class)
                .anyMatch(named);
        if (commandNamed) {
            return false;
        }
        return named.test(HelpCommand.class)
                || Arrays.stream(args).anyMatch(a -> HELP_OPTIONS.contains(a) || !a.startsWith("-"));
    }

    /**
     * The whole tree as a model, for what describes every command rather than runs one (schema,
     * completion scripts, the man page): a one-shot run's own tree holds stand-ins.
     */
    static CommandSpec model() {
        JimengCommand describedOnly = new JimengCommand(
                cmd -> {
                    throw new IllegalStateException("a command model runs nothing");
                },
                cmd -> {
                    throw new IllegalStateException("a command model runs nothing");
                });
        return full(describedOnly).getCommandSpec();
    }

    private static CommandLine build(JimengCommand root, Predicate<Class<?>> wanted, boolean standIns) {
        CommandLine cl = new CommandLine(root);
        for (Class<?> cls : JimengCommand.SUBCOMMANDS) {
            String name = command(cls).name();
            if (wanted.test(cls)) {
                cl.addSubcommand(name, cls);
            } else if (standIns) {
                cl.addSubcommand(name, standIn(command(cls)));
            }
        }
        return cl;
    }

    private static Command command(Class<?> cls) {
        return cls.getAnnotation(Command.class);
    }

    private static Stream<String> names(Class<?> cls) {
        return Stream.concat(
                Stream.of(command(cls).name()), Arrays.stream(command(cls).aliases()));
    }

    private static CommandSpec standIn(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage()
                .header(command.header())
                .description(command.description())
                .hidden(command.hidden());
        return spec;
    }
}
