package dev.jimeng.app;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.api.JimengApi;
import dev.jimeng.config.CredentialSource;
import dev.jimeng.config.CredentialsFile;
import dev.jimeng.config.Origin;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The API client, built on first need: the real API with the active profile's keys and endpoint, or a
 * built-in sandbox started on 127.0.0.1 with its own key pair. Commands that make the engine call the
 * API ask for it before journaling anything, so missing credentials are a one-line error, nothing sent.
 */
final class ApiConnection implements AutoCloseable {
    private final Environment env;
    private final Settings settings;
    private final Clock clock;
    private final boolean verbose;
    /** Where the built-in sandbox keeps its tasks, or null for the real API. */
    private final Path sandboxDir;

    private SandboxServer sandbox;
    private JimengApi api;

    ApiConnection(Environment env, Settings settings, Clock clock, boolean verbose, Path sandboxDir) {
        this.env = env;
        this.settings = settings;
        this.clock = clock;
        this.verbose = verbose;
        this.sandboxDir = sandboxDir;
    }

    /** @throws UserError naming what is missing and the fix */
    synchronized JimengApi api() {
        if (api == null) {
            api = sandboxDir != null ? builtInSandbox() : realApi();
        }
        return api;
    }

    private JimengApi builtInSandbox() {
        try {
            // Tasks survive a restart, so resuming after a crash works against the sandbox too.
            sandbox = SandboxServer.start(SandboxConfig.builder()
                    .taskJournal(sandboxDir.resolve("sandbox-tasks.jsonl"))
                    .queueDuration(settings.seconds(Setting.SANDBOX_QUEUE_SECONDS))
                    .generateDuration(settings.seconds(Setting.SANDBOX_GENERATE_SECONDS))
                    .build());
        } catch (java.io.IOException e) {
            throw new UserError(ExitCode.NETWORK, "could not start the sandbox on 127.0.0.1: " + e.getMessage());
        }
        return new HttpJimengApi(URI.create(sandbox.baseUrl()), sandbox.credentials(), clock, Duration.ofSeconds(30));
    }

    private JimengApi realApi() {
        HttpJimengApi real = client(settings.apiUrl(), credentials(env, settings));
        return verbose ? real.withRequestLog(line -> env.err().println("jimeng: api " + line)) : real;
    }

    /** A key pair (and STS token, or null) as text; {@link #toString()} never shows the secrets. */
    record Keys(String accessKey, String secretKey, String sessionToken) {
        @Override
        public String toString() {
            return "Keys[accessKey=" + accessKey + ", secretKey=***]";
        }
    }

    /** A client of {@code url} with {@code keys} and the timeout in effect. */
    HttpJimengApi client(URI url, Keys keys) {
        try {
            return HttpJimengApi.withKeys(
                    url,
                    keys.accessKey(),
                    keys.secretKey(),
                    keys.sessionToken(),
                    clock,
                    settings.seconds(Setting.API_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * The active profile's key pair (and STS token): the environment, else the credentials file (or
     * the keychain it points to), else config.toml. Never another profile's keys.
     *
     * @throws UserError naming what is missing and the fix
     */
    static Keys credentials(Environment env, Settings settings) {
        CredentialSource source = settings.credentialSource();
        String fix = "run 'jimeng login" + profileOption(settings) + "', or export VOLC_ACCESSKEY and"
                + " VOLC_SECRETKEY; or run with --sandbox to try jimeng without an account";
        String accessKey = source.accessKey()
                .orElseThrow(() -> new UserError(
                        ExitCode.BAD_INPUT,
                        "VOLC_ACCESSKEY is not set and profile " + settings.profile() + " has no access key: " + fix));
        String secret = settings.secretKey().orElse(null);
        if (secret == null && source.secretKey().orElse(null) instanceof Origin.Keychain) {
            secret = keychainSecret(env, settings);
        }
        if (secret == null) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "VOLC_SECRETKEY is not set and profile " + settings.profile() + " has no secret key: " + fix);
        }
        return new Keys(accessKey, secret, settings.sessionToken().orElse(null));
    }

    private static String keychainSecret(Environment env, Settings settings) {
        String tool = CredentialsFile.keychainTool();
        String relogin = "; run 'jimeng login" + profileOption(settings) + "' again";
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
    static String profileOption(Settings settings) {
        return settings.profile().equals(Settings.DEFAULT_PROFILE) ? "" : " --profile " + settings.profile();
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
