package dev.jimeng.app;

import dev.jimeng.api.ApiCall;
import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.api.JimengApi;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.text.SecretText;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The API client, built on first need: the real API from the account lookup's keys, or a built-in
 * sandbox started on 127.0.0.1 with its own key pair. Commands that make the engine call the API
 * ask for it before journaling anything, so missing credentials are a one-line error, nothing sent.
 */
final class ApiConnection implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final AccountLookup accounts;
    private final Consumer<ApiCall> callLog;
    /** Where the built-in sandbox keeps its tasks, or null for the real API. */
    private final Path sandboxDir;

    private SandboxServer sandbox;
    private HttpJimengApi api;

    /** @param callLog told of every API call (the support log) */
    ApiConnection(Settings settings, Clock clock, AccountLookup accounts, Consumer<ApiCall> callLog, Path sandboxDir) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = accounts;
        this.callLog = callLog;
        this.sandboxDir = sandboxDir;
    }

    /** The account calls are made with: the built-in sandbox's once it runs, else the lookup's. */
    synchronized ApiAccount account() {
        if (sandboxDir != null) {
            api();
            return new ApiAccount(
                    sandbox.accessKeyId(),
                    "built-in sandbox (a key pair of its own)",
                    "built-in sandbox",
                    null,
                    URI.create(sandbox.baseUrl()),
                    "built-in sandbox",
                    List.of());
        }
        return accounts.describe();
    }

    /** Values no log may show: the lookup's secrets, and the sandbox's once it runs. */
    synchronized List<String> secrets() {
        List<String> secrets = new ArrayList<>(accounts.secrets());
        if (sandbox != null) {
            secrets.addAll(sandbox.secrets());
        }
        return secrets;
    }

    /** @throws UserError naming what is missing and the fix */
    synchronized JimengApi api() {
        if (api == null) {
            api = (sandboxDir != null ? builtInSandbox() : realApi()).withRequestLog(callLog);
        }
        return api;
    }

    private HttpJimengApi builtInSandbox() {
        SandboxServer server = startedSandbox();
        return new HttpJimengApi(URI.create(server.baseUrl()), server.credentials(), clock, Duration.ofSeconds(30));
    }

    /** The built-in sandbox, started now if need be (quick: the client, built after, is the slow part). */
    private SandboxServer startedSandbox() {
        if (sandbox == null) {
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
        }
        return sandbox;
    }

    private HttpJimengApi realApi() {
        try {
            return accounts.client(clock);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Where jobs go, in a few words for the shell's first line: the built-in sandbox (started now, for
     * its port, but not its client) and that nothing is billed, or the profile's account (its access key masked) and endpoint; the missing credentials otherwise.
     */
    synchronized String describe() {
        if (sandboxDir != null) {
            try {
                return "sandbox on " + URI.create(startedSandbox().baseUrl()).getAuthority() + ", nothing is billed";
            } catch (UserError e) {
                return "sandbox on 127.0.0.1, nothing is billed"; // the first call says why it cannot start
            }
        }
        var source = settings.credentialSource();
        if (source.maskedAccessKey().isEmpty()) {
            return "no account: run jimeng login, or start with --sandbox";
        }
        String endpoint = settings.get(Setting.API_URL).value();
        String profile = source.profile().equals(Settings.DEFAULT_PROFILE) ? "" : "profile " + source.profile() + ", ";
        return profile + "account " + source.maskedAccessKey().get() + " at "
                + dev.jimeng.text.TerminalText.safe(SecretText.url(endpoint)) + ", billed";
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
