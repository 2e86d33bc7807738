package dev.jimeng.shell;

import dev.jimeng.cli.HelpCommand;
import dev.jimeng.cli.complete.Descriptions;
import dev.jimeng.text.TerminalText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code help} inside the shell: the shell's own commands and keys rather than the CLI's usage. */
@Command(
        name = "help",
        helpCommand = true,
        description = "The shell's commands and keys; help COMMAND for a command, help TOPIC for a topic.")
final class ShellHelpCommand extends HelpCommand {
    /** Commands of the tree that have no use inside the shell. */
    static final Set<String> NOT_IN_SHELL = Set.of("sandbox", "completion");

    private static final List<String[]> KEYS = List.of(
            new String[] {"TAB", "complete commands, options, modes, durations, settings, files and job ids"},
            new String[] {"↑ ↓, Ctrl-R", "history; search it"},
            new String[] {"Ctrl-C", "clear the line, or stop waiting (the job carries on)"},
            new String[] {"Ctrl-L", "redraw the screen"},
            new String[] {"Ctrl-D, exit", "leave (running jobs resume next time)"});

    @Override
    protected void overview(CommandLine root) {
        var out = out();
        out.println("A line of quoted text makes a video in the background: \"a red fox in the snow\" --duration 10");
        out.println();
        out.println("Commands:");
        int width = root.getSubcommands().keySet().stream()
                .mapToInt(String::length)
                .max()
                .orElse(10);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            var sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name()) || NOT_IN_SHELL.contains(sub.name())) {
                continue;
            }
            String name = sub.name() + (sub.aliases().length == 0 ? "" : " (" + String.join(", ", sub.aliases()) + ")");
            String description = Descriptions.firstLine(sub.usageMessage().description());
            out.println("  " + TerminalText.pad(name, width + 5) + (description == null ? "" : description));
        }
        out.println();
        out.println("Keys:");
        for (String[] key : KEYS) {
            out.println("  " + TerminalText.pad(key[0], 14) + key[1]);
        }
    }
}
