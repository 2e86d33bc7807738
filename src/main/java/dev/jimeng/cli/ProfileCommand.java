package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.SettingsView;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jimeng profile list|use|show}: named accounts, each with its own keys, endpoint, concurrency,
 * caps, budgets and jobs ({@code [profile.NAME]} in config.toml, keys from {@code jimeng login}).
 */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  jimeng profile list",
            "  jimeng profile use work",
            "  jimeng --profile work profile show"
        },
        description = "List profiles, choose the default one, show one's keys and limits.",
        subcommands = {
            ProfileCommand.ListCommand.class,
            ProfileCommand.UseCommand.class,
            ProfileCommand.ShowCommand.class
        })
final class ProfileCommand extends BaseCommand {
    /** What {@code profile show} prints besides the keys: what makes one account differ from another. */
    private static final List<Setting> SHOWN = List.of(
            Setting.API_URL,
            Setting.CONCURRENCY,
            Setting.MAX_COST_PER_JOB,
            Setting.DAILY_BUDGET,
            Setting.MONTHLY_BUDGET);

    @Override
    protected ExitCode doCall() {
        spec.commandLine().usage(out());
        return ExitCode.OK;
    }

    /** The settings as they are with profile {@code name}. */
    static Settings settingsOf(BaseCommand command, String name) {
        JimengCommand root = command.root();
        App.Options given = root.appOptions();
        return App.loadSettings(root.environment(), new App.Options(name, given.settings(), false));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every profile; * marks the one in use.")
    static final class ListCommand extends BaseCommand {
        @Override
        protected ExitCode doCall() {
            Settings active = ConfigCommand.settings(this);
            for (String name : active.profiles()) {
                String keys = settingsOf(this, name).credentialSource().keys();
                String marks = (name.equals(active.defaultProfile()) ? " (default)" : "");
                out().println((name.equals(active.profile()) ? "* " : "  ") + TerminalText.safe(name) + marks + "  "
                        + TerminalText.safe(keys));
            }
            ConfigCommand.warn(this, active);
            return ExitCode.OK;
        }
    }

    @Command(
            name = "use",
            mixinStandardHelpOptions = true,
            description = "Make a profile the default (default-profile in config.toml).")
    static final class UseCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected ExitCode doCall() throws IOException {
            Settings settings = ConfigCommand.settings(this);
            var file = settings.useProfile(name);
            out().println("default profile: " + TerminalText.safe(name) + "  (saved to "
                    + TerminalText.safe(file.toString()) + ")");
            if (root().environment().get(Settings.PROFILE_VAR) != null) {
                tell("note: " + Settings.PROFILE_VAR + " is set and wins over the default");
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A profile's keys (where they come from, never the secret), endpoint, caps, budgets.")
    static final class ShowCommand extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", arity = "0..1")
        String name;

        @Override
        protected ExitCode doCall() {
            Settings settings;
            settings = name == null ? ConfigCommand.settings(this) : settingsOf(this, name);
            out().println(TerminalText.safe(settings.credentialSource().describe()));
            List<SettingsView.Row> rows = SHOWN.stream()
                    .map(settings::get)
                    .map(r ->
                            new SettingsView.Row(r.key(), r.value(), r.origin().describe(), false))
                    .toList();
            return ConfigCommand.table(this, rows, settings);
        }
    }
}
