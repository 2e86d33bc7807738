package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.text.TerminalText;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code jimeng logout [--profile NAME]}: removes the profile's stored keys (file and keychain). */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng logout", "  jimeng logout --profile work"},
        description = "Remove a profile's stored keys (the credentials file entry and the keychain secret).")
final class LogoutCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() {
        String profile = app().profile();
        Optional<String> removed = app().login().logout();
        out().println(removed.map(ak -> "logged out: profile " + TerminalText.safe(profile) + " (access key "
                        + TerminalText.safe(dev.jimeng.config.CredentialSource.mask(ak)) + ") forgotten")
                .orElse("profile " + TerminalText.safe(profile) + " had no stored keys"));
        return ExitCode.OK;
    }
}
