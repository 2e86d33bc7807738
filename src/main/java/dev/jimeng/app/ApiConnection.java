package dev.jimeng.app;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.api.JimengApi;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.text.SecretText;
import dev.jimeng.time.Seconds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The API client, built on first need: the real API from the environment's keys, or a built-in
 * sandbox started on 127.0.0.1 with its own key pair. Commands that make the engine call the API
 * ask for it before journaling anything, so missing credentials are a one-line error, nothing sent.
 */
final class ApiConnection implements AutoCloseable {
    private final Environment env;
    private final Clock clock;
    private final boolean verbose;
    /** Where the built-in sandbox keeps its tasks, or null for the real API. */
    private final Path sandboxDir;

    private SandboxServer sandbox;
    private JimengApi api;

    ApiConnection(Environment env, Clock clock, boolean verbose, Path sandboxDir) {
        this.env = env;
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
                    .queueDuration(sandboxSeconds("JIMENG_SANDBOX_QUEUE_SECONDS", Duration.ofSeconds(1)))
                    .generateDuration(sandboxSeconds("JIMENG_SANDBOX_GENERATE_SECONDS", Duration.ofSeconds(2)))
                    .build());
        } catch (java.io.IOException e) {
            throw new UserError(ExitCode.NETWORK, "could not start the sandbox on 127.0.0.1: " + e.getMessage());
        }
        return new HttpJimengApi(URI.create(sandbox.baseUrl()), sandbox.credentials(), clock, Duration.ofSeconds(30));
    }

    private JimengApi realApi() {
        try {
            HttpJimengApi real = HttpJimengApi.fromEnvironment(env.variables(), clock);
            return verbose ? real.withRequestLog(line -> env.err().println("jimeng: api " + line)) : real;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Where jobs go, in a few words for the shell's first line: the built-in sandbox (and that nothing is
     * billed), or the account (its access key masked) and endpoint; the missing credentials otherwise.
     */
    synchronized String describe() {
        if (sandboxDir != null) {
            return sandbox == null
                    ? "sandbox on 127.0.0.1, nothing is billed"
                    : "sandbox on " + URI.create(sandbox.baseUrl()).getAuthority() + ", nothing is billed";
        }
        String key = env.get("VOLC_ACCESSKEY");
        if (api == null || key == null) {
            return "no account: set VOLC_ACCESSKEY and VOLC_SECRETKEY, or start with --sandbox";
        }
        String url = env.get("JIMENG_VIDEO_API_URL");
        String endpoint = url == null || url.isBlank() ? HttpJimengApi.DEFAULT_BASE_URL.toString() : url.strip();
        return "account " + masked(key.strip()) + " at " + dev.jimeng.text.TerminalText.safe(SecretText.url(endpoint))
                + ", billed";
    }

    /** The first and last four characters of a long key, nothing of a short one. */
    static String masked(String key) {
        return key.length() < 12 ? "…" : key.substring(0, 4) + "…" + key.substring(key.length() - 4);
    }

    /** How long the built-in sandbox keeps a task in a state; demos and tests may change it. */
    private Duration sandboxSeconds(String variable, Duration fallback) {
        String value = env.get(variable);
        try {
            Duration seconds = value == null ? fallback : Seconds.parse(value);
            if (seconds.isNegative() || seconds.compareTo(Duration.ofHours(1)) > 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT, variable + " must be a number of seconds from 0 to 3600, got '" + value + "'");
        }
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
