package dev.jimeng.shell;

import dev.jimeng.app.ExitCode;
import dev.jimeng.cli.BaseCommand;
import dev.jimeng.cli.ShellControl;
import dev.jimeng.config.ResolvedSetting;
import dev.jimeng.config.Setting;
import dev.jimeng.text.TerminalText;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that exist only inside the shell: settings, clear, help, exit. */
final class ShellCommands {
    private ShellCommands() {}

    static void register(CommandLine commands, ShellControl shell) {
        commands.addSubcommand("set", new SetCommand());
        commands.addSubcommand("unset", new UnsetCommand());
        commands.addSubcommand("settings", new SettingsCommand());
        commands.addSubcommand("clear", new ClearCommand(shell));
        commands.addSubcommand("exit", new ExitCommand(shell));
        commands.getCommandSpec().removeSubcommand("help"); // the CLI's help knows nothing of the shell
        commands.addSubcommand("help", new ShellHelpCommand());
        // picocli hands streams and handlers only to the subcommands present when they are set:
        // set them again so the commands added above write where the others do and fail the same way.
        commands.setOut(commands.getOut());
        commands.setErr(commands.getErr());
        commands.setExecutionExceptionHandler(commands.getExecutionExceptionHandler());
        commands.setParameterExceptionHandler(commands.getParameterExceptionHandler());
        commands.setCaseInsensitiveEnumValuesAllowed(true);
        ((dev.jimeng.cli.JimengCommand) commands.getCommand()).attachShell(shell);
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Change a session setting (used by generate when its option is not given); a KEY"
                    + " alone shows what is in effect.")
    static final class SetCommand extends BaseCommand {
        @Parameters(
                index = "0",
                paramLabel = "KEY",
                description = "One of: ${COMPLETION-CANDIDATES}",
                completionCandidates = SettingKeys.class)
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1")
        String value;

        @Option(names = "--save", description = "Also write this key (only) to the config file for future sessions.")
        boolean save;

        @Override
        protected ExitCode doCall() throws Exception {
            if (value == null && !save) {
                // like `git config KEY`: a key alone shows what is in effect (an unknown one is refused)
                ResolvedSetting r = app().settings().get(key);
                out().println(inEffect(r, "change it with: set " + r.key() + " VALUE"));
                return ExitCode.OK;
            }
            if (value != null) {
                ResolvedSetting r = app().set(key, value);
                out().println(r.key() + " = " + TerminalText.safe(String.valueOf(r.value())));
            }
            if (save) {
                Path file = app().settings().save(key);
                out().println("saved to " + TerminalText.safe(file.toString()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true, description = "Forget a session setting.")
    static final class UnsetCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY", completionCandidates = SettingKeys.class)
        String key;

        @Override
        protected ExitCode doCall() {
            ResolvedSetting r = app().unset(key);
            out().println(inEffect(r, null));
            return ExitCode.OK;
        }
    }

    /** {@code key = value  (origin)}, the origin followed by {@code hint} when there is one. */
    private static String inEffect(ResolvedSetting r, String hint) {
        return r.key() + " = " + TerminalText.safe(String.valueOf(r.value())) + "  ("
                + TerminalText.safe(r.origin().describe()) + (hint == null ? "" : "; " + hint) + ")";
    }

    @Command(
            name = "settings",
            mixinStandardHelpOptions = true,
            description = "Show every setting and where it came from.")
    static final class SettingsCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            java.util.List<dev.jimeng.view.SettingsView.Row> rows = app().settings().all().stream()
                    .map(r -> new dev.jimeng.view.SettingsView.Row(
                            r.key(),
                            String.valueOf(r.value()),
                            r.origin().describe(),
                            r.setting() == Setting.OUTPUT_DIR))
                    .toList();
            out().print(dev.jimeng.view.SettingsView.table(rows, terminalColumns()));
            return ExitCode.OK;
        }
    }

    @Command(name = "clear", description = "Clear the screen.")
    static final class ClearCommand extends BaseCommand {
        private final ShellControl shell;

        ClearCommand(ShellControl shell) {
            this.shell = shell;
        }

        @Override
        protected ExitCode doCall() {
            shell.clearScreen();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "exit",
            aliases = "quit",
            description = "Leave the shell (running jobs resume next time; asks about jobs not sent yet).")
    static final class ExitCommand extends BaseCommand {
        @picocli.CommandLine.Option(
                names = {"-y", "--yes"},
                description = "Keep jobs not sent yet for the next start without asking.")
        boolean yes;

        private final ShellControl shell;

        ExitCommand(ShellControl shell) {
            this.shell = shell;
        }

        @Override
        protected ExitCode doCall() {
            shell.requestExit(yes);
            return ExitCode.OK;
        }
    }

    /** Setting keys for help text and picocli's own completion. */
    static final class SettingKeys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Setting.keys().iterator();
        }
    }
}
