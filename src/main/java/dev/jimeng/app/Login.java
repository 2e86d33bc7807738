package dev.jimeng.app;

import dev.jimeng.api.ApiException;
import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.config.CredentialsFile;
import dev.jimeng.config.Settings;
import dev.jimeng.mode.Capabilities;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code jimeng login} and {@code logout}: a key pair is checked with one harmless signed call (a
 * get-result for a task id that cannot exist: the gateway refuses a wrong key or secret before it looks
 * for the task, and a right pair gets "not found"), then stored for the active profile in the
 * credentials file (0600) or, with a keychain, the secret in the OS keychain and the rest in the file.
 * Nothing is stored when the check fails.
 */
public final class Login {
    /** Gateway codes that prove the key pair wrong (other failures prove nothing either way). */
    private static final Set<String> WRONG_KEYS = Set.of("InvalidAccessKey", "SignatureDoesNotMatch");

    private final Environment env;
    private final Settings settings;
    private final ProfileAccounts accounts;
    private final java.time.Clock clock;

    Login(Environment env, Settings settings, ProfileAccounts accounts, java.time.Clock clock) {
        this.env = env;
        this.settings = settings;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What was stored: where the secret went, for the one line login prints. */
    public record Stored(String profile, Path file, Optional<String> keychainTool, boolean fileWasOpen) {}

    /**
     * Checks the key pair against the profile's endpoint and stores it.
     *
     * @param keychain keep the secret in the OS keychain rather than the file
     * @throws UserError when the keys are refused (AUTH), the check could not be made, or no keychain
     */
    public Stored login(String accessKey, String secretKey, boolean keychain) {
        String ak = requireText(accessKey, "access key id");
        String sk = requireText(secretKey, "secret access key");
        Optional<Keychain> store = Optional.empty();
        if (keychain) {
            String tool = CredentialsFile.keychainTool();
            store = Optional.of(Keychain.find(env.variables(), tool)
                    .orElseThrow(() -> new UserError(
                            ExitCode.BAD_INPUT,
                            "no keychain: " + tool + " is not on PATH; log in without --keychain to keep the"
                                    + " secret in " + settings.credentialsFile().path() + " (0600)")));
        }
        check(new ProfileAccounts.Keys(ak, sk, settings.sessionToken().orElse(null)));
        CredentialsFile file = settings.credentialsFile();
        try {
            boolean open = file.readableByOthers();
            if (store.isPresent()) {
                store.get().store(settings.profile(), ak, sk);
                file.store(settings.profile(), ak, null, null);
            } else {
                file.store(settings.profile(), ak, sk, null);
            }
            return new Stored(settings.profile(), file.path(), store.map(Keychain::name), open);
        } catch (IOException e) {
            throw new UserError(ExitCode.BAD_INPUT, "could not store the keys: " + e.getMessage());
        }
    }

    /** Removes the active profile's stored keys (file and keychain); returns the access key id removed. */
    public Optional<String> logout() {
        try {
            Optional<String> removed = settings.credentialsFile().remove(settings.profile());
            Optional<Keychain> keychain = Keychain.find(env.variables(), CredentialsFile.keychainTool());
            if (keychain.isPresent()) {
                try {
                    keychain.get().delete(settings.profile());
                } catch (IOException e) {
                    // nothing stored there for this profile: nothing to remove
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UserError(ExitCode.BAD_INPUT, "could not remove the keys: " + e.getMessage());
        }
    }

    private void check(ProfileAccounts.Keys credentials) {
        String reqKey =
                Capabilities.mode(Capabilities.DEFAULT_MODE).orElseThrow().reqKey();
        HttpJimengApi api = accounts.client(credentials, clock);
        try {
            // a task id no server has made: a right key pair gets "not found", a wrong one a gateway error
            api.getResult(reqKey, "jimeng-login-check-" + UUID.randomUUID());
        } catch (ApiException e) {
            if (WRONG_KEYS.contains(e.error().code())) {
                throw new UserError(
                        ExitCode.AUTH,
                        "the keys were refused by " + settings.apiUrl().getHost() + " ("
                                + e.error().describe() + "); nothing was stored");
            }
            if (e.error().category() == dev.jimeng.api.ErrorCategory.NETWORK
                    || e.error().category() == dev.jimeng.api.ErrorCategory.TIMEOUT) {
                throw new UserError(
                        ExitCode.NETWORK,
                        "could not check the keys (" + e.error().describe() + "); nothing was stored");
            }
            // anything else (a tier not activated, a busy server) came after the keys were accepted
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, "no " + what + " given; nothing was stored");
        }
        return value.strip();
    }
}
