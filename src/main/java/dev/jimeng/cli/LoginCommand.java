package dev.jimeng.cli;

import dev.jimeng.app.Environment;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.Login;
import dev.jimeng.text.TerminalText;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jimeng login [--profile NAME] [--keychain]}: asks for the access key id and the secret (not
 * echoed at a terminal; two lines when piped), checks them with one harmless call and stores them.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng login", "  jimeng login --profile work --keychain"},
        description = {
            "Check a Volcengine key pair and store it for a profile (--profile NAME creates one).",
            "Reads the access key id, then the secret (not echoed); from stdin, one per line, when piped."
        })
final class LoginCommand extends BaseCommand {
    @Option(
            names = "--keychain",
            description = "Keep the secret in the OS keychain (secret-tool, or security on macOS), not the file.")
    boolean keychain;

    @Override
    protected ExitCode doCall() throws IOException {
        if (root().interactive()) {
            // the shell owns the keyboard (and keeps a history): keys are typed outside it
            throw new dev.jimeng.app.UserError(
                    ExitCode.BAD_INPUT, "log in outside the shell: run 'jimeng login' at the terminal's own prompt");
        }
        root().allowNewProfile();
        Environment env = root().environment();
        Login login = app().login();
        String accessKey;
        String secret;
        Console console = System.console();
        if (env.stdinIsTerminal() && console != null && env.in() == System.in) {
            accessKey = console.readLine("Access key ID: ");
            char[] typed = console.readPassword("Secret access key (not shown): ");
            secret = typed == null ? null : new String(typed);
            if (typed != null) {
                java.util.Arrays.fill(typed, '\0');
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
            accessKey = ask(env, in, "Access key ID: ");
            secret = ask(env, in, "Secret access key: ");
        }
        Login.Stored stored = login.login(accessKey, secret, keychain);
        if (stored.fileWasOpen()) {
            tell("warning: " + stored.file()
                    + " was readable by others; it is now 0600 (consider new keys if others use this machine)");
        }
        String where = stored.keychainTool()
                .map(t -> "the secret in the keychain (" + t + "), the access key id in "
                        + TerminalText.safe(stored.file().toString()))
                .orElse(TerminalText.safe(stored.file().toString()) + " (0600)");
        out().println("logged in: profile " + TerminalText.safe(stored.profile()) + ", keys checked, stored in "
                + where);
        return ExitCode.OK;
    }

    /** A prompt on stderr when a person is typing; a line of stdin either way. */
    private String ask(Environment env, BufferedReader in, String prompt) throws IOException {
        if (env.stdinIsTerminal()) {
            err().print(prompt);
            err().flush();
        }
        return in.readLine();
    }
}
