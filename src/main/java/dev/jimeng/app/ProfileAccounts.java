package dev.jimeng.app;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.api.ProxyVariables;
import dev.jimeng.config.CredentialSource;
import dev.jimeng.config.CredentialsFile;
import dev.jimeng.config.Origin;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account of the active profile, as {@link Settings} resolves it: keys from the environment, else
 * the credentials file (or the keychain it points to), else config.toml; the endpoint and timeout from
 * the profile's settings. Never another profile's keys.
 */
final class ProfileAccounts implements AccountLookup {
    private final Environment env;
    private final Settings settings;
    /** The secret read from the keychain, once looked up (so logs can redact it). */
    private volatile String keychainSecret;

    ProfileAccounts(Environment env, Settings settings) {
        this.env = env;
        this.settings = settings;
    }

    /** A key pair (and STS token, or null) as text; {@link #toString()} never shows the secrets. */
    record Keys(String accessKey, String secretKey, String sessionToken) {
        @Override
        public String toString() {
            return "Keys[accessKey=" + accessKey + ", secretKey=***]";
        }
    }

    @Override
    public ApiAccount describe() {
        CredentialSource c = settings.credentialSource();
        return new ApiAccount(
                c.accessKey().orElse(null),
                c.accessKeyOrigin().map(Origin::describe).orElse(null),
                c.secretKey().map(Origin::describe).orElse(null),
                c.sessionToken().map(Origin::describe).orElse(null),
                settings.apiUrl(),
                settings.get(Setting.API_URL).origin().describe(),
                List.of(settings.paths().configFile(), settings.paths().credentialsFile()));
    }

    @Override
    public HttpJimengApi client(Clock clock) {
        return client(keys(), clock);
    }

    /** A client of the profile's endpoint with {@code keys} (login checks keys not stored yet). */
    HttpJimengApi client(Keys keys, Clock clock) {
        return HttpJimengApi.withKeys(
                settings.apiUrl(),
                keys.accessKey(),
                keys.secretKey(),
                keys.sessionToken(),
                clock,
                settings.seconds(Setting.API_TIMEOUT),
                ProxyVariables.from(env.variables()).selector());
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        settings.secretKey().ifPresent(secrets::add);
        settings.sessionToken().ifPresent(secrets::add);
        Optional.ofNullable(keychainSecret).ifPresent(secrets::add);
        return secrets;
    }

    /**
     * The active profile's key pair (and STS token).
     *
     * @throws UserError naming what is missing and the fix
     */
    Keys keys() {
        CredentialSource source = settings.credentialSource();
        String fix = "run 'jimeng login" + profileOption() + "', or export VOLC_ACCESSKEY and"
                + " VOLC_SECRETKEY; or run with --sandbox to try jimeng without an account";
        String accessKey = source.accessKey()
                .orElseThrow(() -> new UserError(
                        ExitCode.BAD_INPUT,
                        "VOLC_ACCESSKEY is not set and profile " + settings.profile() + " has no access key: " + fix));
        String secret = settings.secretKey().orElse(null);
        if (secret == null && source.secretKey().orElse(null) instanceof Origin.Keychain) {
            secret = fromKeychain();
            keychainSecret = secret;
        }
        if (secret == null) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "VOLC_SECRETKEY is not set and profile " + settings.profile() + " has no secret key: " + fix);
        }
        return new Keys(accessKey, secret, settings.sessionToken().orElse(null));
    }

    private String fromKeychain() {
        String tool = CredentialsFile.keychainTool();
        String relogin = "; run 'jimeng login" + profileOption() + "' again";
        Keychain keychain = Keychain.find(env.variables(), tool)
                .orElseThrow(() -> new UserError(
                        ExitCode.BAD_INPUT,
                        "profile " + settings.profile() + " keeps its secret key in the keychain, but " + tool
                                + " is not on PATH" + relogin));
        try {
            return keychain.lookup(settings.profile())
                    .orElseThrow(() -> new UserError(
                            ExitCode.BAD_INPUT,
                            "the keychain has no secret key for profile " + settings.profile() + relogin));
        } catch (java.io.IOException e) {
            throw new UserError(ExitCode.BAD_INPUT, "could not read the keychain: " + e.getMessage() + relogin);
        }
    }

    /** {@code " --profile work"}, or nothing for the default profile. */
    private String profileOption() {
        return settings.profile().equals(Settings.DEFAULT_PROFILE) ? "" : " --profile " + settings.profile();
    }
}
