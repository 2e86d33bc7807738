package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.config.CredentialSource;
import dev.jimeng.config.Origin;
import dev.jimeng.config.ResolvedSetting;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.SettingsView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jimeng config list|get|set|unset|path|edit}: the settings in effect with their sources, and
 * changes to config.toml one key at a time (in the active profile's table). These read the settings
 * without refusing bad ones, so they still work to fix them.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng config list", "  jimeng config set concurrency 4", "  jimeng config edit"},
        description = "Show and change settings in config.toml (the active profile's part of it).",
        subcommands = {
            ConfigCommand.ListCommand.class,
            ConfigCommand.GetCommand.class,
            ConfigCommand.SetCommand.class,
            ConfigCommand.UnsetCommand.class,
            ConfigCommand.PathCommand.class,
            ConfigCommand.EditCommand.class
        })
final class ConfigCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() {
        spec.commandLine().usage(out());
        return ExitCode.OK;
    }

    /** The settings as the app would read them, problems and all (the root's --profile and --setting). */
    static Settings settings(BaseCommand command) {
        JimengCommand root = command.root();
        return App.loadSettings(root.environment(), root.appOptions());
    }

    /** Each problem on stderr, as the app would refuse to run with it. */
    static void warn(BaseCommand command, Settings settings) {
        settings.problems().forEach(command::tell);
    }

    /** The rows as a table, then each problem on stderr; a problem makes it a bad-input exit. */
    static ExitCode table(BaseCommand command, List<SettingsView.Row> rows, Settings settings) {
        command.out().print(SettingsView.table(rows, command.terminalColumns()));
        warn(command, settings);
        return settings.problems().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every setting, its value and source.")
    static final class ListCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            Settings settings = settings(this);
            List<SettingsView.Row> rows = new ArrayList<>();
            rows.add(new SettingsView.Row(
                    "profile", settings.profile(), settings.profileOrigin().describe(), false));
            for (ResolvedSetting r : settings.all()) {
                rows.add(new SettingsView.Row(
                        r.key(), r.value(), r.origin().describe(), r.setting() == Setting.OUTPUT_DIR));
            }
            CredentialSource c = settings.credentialSource();
            rows.add(new SettingsView.Row(
                    "access-key",
                    c.maskedAccessKey().orElse("(none)"),
                    c.accessKeyOrigin().map(Origin::describe).orElse(""),
                    false));
            rows.add(new SettingsView.Row(
                    "secret-key",
                    c.secretKey().isPresent() ? "(set)" : "(none)",
                    c.secretKey().map(Origin::describe).orElse(""),
                    false));
            c.sessionToken()
                    .ifPresent(o -> rows.add(new SettingsView.Row("session-token", "(set)", o.describe(), false)));
            return table(this, rows, settings);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one setting's value.")
    static final class GetCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        protected ExitCode doCall() {
            out().println(TerminalText.safe(settings(this).get(key).value()));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Write one setting to config.toml (other keys kept).")
    static final class SetCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        protected ExitCode doCall() throws IOException {
            Settings settings = settings(this);
            Path file = settings.saveValue(key, value);
            ResolvedSetting now = settings.get(key);
            Setting setting = now.setting();
            String saved = setting.parse(value, settings.paths());
            out().println(setting.key() + " = " + TerminalText.safe(saved) + "  (saved to "
                    + TerminalText.safe(file.toString()) + tableNote(settings) + ")");
            if (!(now.origin() instanceof Origin.ConfigFile)) {
                tell("note: "
                        + now.origin().describe() + " still sets " + setting.key() + " ("
                        + now.value() + ") and wins over the file");
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "unset",
            mixinStandardHelpOptions = true,
            description = "Remove one setting from config.toml (its default, or another layer, applies).")
    static final class UnsetCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        protected ExitCode doCall() throws IOException {
            Settings settings = settings(this);
            boolean removed = settings.removeSaved(key);
            ResolvedSetting now = settings.get(key);
            out().println((removed ? "removed " : "not in the file: ") + now.key() + tableNote(settings) + "; now "
                    + TerminalText.safe(now.value()) + "  ("
                    + TerminalText.safe(now.origin().describe()) + ")");
            return ExitCode.OK;
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true, description = "Print where config.toml is.")
    static final class PathCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            Environment env = root().environment();
            out().println(TerminalText.safe(
                    dev.jimeng.config.JimengPaths.resolve(env.variables(), env.userHome(), env.workingDirectory())
                            .configFile()
                            .toString()));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "edit",
            mixinStandardHelpOptions = true,
            description = "Open config.toml in $VISUAL or $EDITOR; it is checked before it is saved.")
    static final class EditCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() throws Exception {
            return new ConfigEditor(root().environment(), this::confirmReopen, err()).edit();
        }

        private boolean confirmReopen(String question) {
            return root().environment().stdinIsTerminal() && confirm(question);
        }
    }

    /** " [profile.work]" when a profile other than the default is in use. */
    static String tableNote(Settings settings) {
        return settings.profile().equals(Settings.DEFAULT_PROFILE) ? "" : " [profile." + settings.profile() + "]";
    }
}
