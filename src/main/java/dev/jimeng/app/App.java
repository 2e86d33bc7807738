package dev.jimeng.app;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.api.JimengApi;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.Settings;
import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.DownloaderFetcher;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.Seconds;
import dev.jimeng.time.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: settings, journal, API client (real or sandbox) and job engine, each
 * built on first use so that validation errors and --help cost nothing.
 */
public final class App implements AutoCloseable {
    private static final Duration SANDBOX_POLL_INTERVAL = Duration.ofMillis(500);

    private final Environment env;
    private final boolean sandboxMode;
    private final boolean verbose;
    private final JimengPaths paths;
    private final Settings settings;
    private final RequestValidator validator;
    private final Clock clock = Clock.systemUTC();

    private SandboxServer sandbox;
    private JimengApi api;
    private JobStore store;
    private JobManager manager;
    private JobService service;

    private App(Environment env, boolean sandboxMode, boolean verbose) {
        this.env = env;
        this.sandboxMode = sandboxMode;
        this.verbose = verbose;
        this.paths = JimengPaths.resolve(env.variables(), env.userHome(), env.workingDirectory());
        this.settings = Settings.load(paths, env.variables());
        this.validator = new RequestValidator(env.workingDirectory());
    }

    public static App create(Environment env, boolean sandbox, boolean verbose) {
        return new App(env, sandbox, verbose);
    }

    public Environment env() {
        return env;
    }

    public JimengPaths paths() {
        return paths;
    }

    public Settings settings() {
        return settings;
    }

    public boolean sandboxMode() {
        return sandboxMode;
    }

    public Path outputDirectory() {
        return settings.outputDir();
    }

    /** The use cases (submit, cancel, retry, download, wait, list) over this app's engine. */
    public synchronized JobService jobs() {
        if (service == null) {
            service = new JobService(
                    this::engine,
                    this::connect,
                    typed -> validator.validate(withSettings(typed)),
                    this::outputDirectory,
                    clock,
                    sandboxMode);
        }
        return service;
    }

    GenerationRequest withSettings(GenerationRequest r) {
        String mode = r.mode() != null ? r.mode() : settings.mode();
        ModeSpec spec = Capabilities.mode(mode).orElse(null);
        String aspect = r.aspectRatio();
        if (aspect == null && spec != null && spec.takesAspectRatio(r.images().size())) {
            aspect = settings.aspectRatio();
        }
        return new GenerationRequest(
                mode,
                r.prompt(),
                r.durationSeconds() != null ? r.durationSeconds() : settings.durationSeconds(),
                r.fps() != null ? r.fps() : settings.fps(),
                aspect,
                r.images(),
                r.seed() != null ? r.seed() : settings.seed(),
                r.template(),
                r.cameraStrength());
    }

    /**
     * Applies changed settings to an engine already running (the shell's {@code set} and {@code
     * unset}): the concurrency holds for the jobs not sent yet. Settings read per job need nothing.
     */
    public synchronized void settingsChanged() {
        if (manager != null) {
            manager.setServerConcurrency(settings.concurrency());
        }
    }

    /** The job engine, started on first use (journal opened; the API client is built when a call needs it). */
    private synchronized JobManager engine() {
        if (manager == null) {
            // listing and showing jobs needs no credentials: the client is built when a call needs it
            JimengApi api = new DeferredApi(this::api);
            store = JobStore.open(sandboxMode ? sandboxJournalDir() : paths.stateDir());
            manager = new JobManager(
                    store,
                    api,
                    request -> validator.validate(request).body(),
                    new DownloaderFetcher(new Downloader(
                            Downloader.defaultHttpClient(), clock, Sleeper.SYSTEM, DownloadPolicy.defaults())),
                    this::outputFor,
                    clock,
                    Sleeper.SYSTEM,
                    engineSettings());
        }
        return manager;
    }

    /** How long the built-in sandbox keeps a task in a state; demos and tests may change it. */
    private Duration sandboxSeconds(String variable, double fallback) {
        String value = env.get(variable);
        try {
            Duration seconds = value == null ? Duration.ofMillis(Math.round(fallback * 1000)) : Seconds.parse(value);
            if (seconds.isNegative() || seconds.compareTo(Duration.ofHours(1)) > 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT, variable + " must be a number of seconds from 0 to 3600, got '" + value + "'");
        }
    }

    /** Sandbox jobs live apart from real ones: they can never be resumed against the real API. */
    private Path sandboxJournalDir() {
        return paths.stateDir().resolve("sandbox");
    }

    /** A job's requested path may be a file or a folder to name it in; default: the output directory. */
    private Path outputFor(JobSnapshot job) {
        Path requested = job.outputPath();
        if (requested != null && !java.nio.file.Files.isDirectory(requested)) {
            // A re-download of a file still on disk gets a sibling name: nothing is ever overwritten.
            return java.nio.file.Files.exists(requested) ? OutputNaming.uniqueSibling(requested) : requested;
        }
        Path dir = requested != null ? requested : outputDirectory();
        return Destination.inDirectory(dir).pathFor(job.taskId(), job.request().prompt());
    }

    /** The sandbox finishes a job in seconds: poll it faster unless the user chose an interval. */
    private Duration pollInterval() {
        boolean chosen = !(settings.get(dev.jimeng.config.Setting.POLL_INTERVAL).origin()
                instanceof dev.jimeng.config.Origin.Default);
        return sandboxMode && !chosen ? SANDBOX_POLL_INTERVAL : settings.pollInterval();
    }

    private EngineSettings engineSettings() {
        EngineSettings s = EngineSettings.defaults()
                .withServerConcurrency(settings.concurrency())
                .withPollInterval(pollInterval());
        String attempts = env.get("JIMENG_VIDEO_MAX_POLL_ATTEMPTS");
        if (attempts != null) {
            try {
                s = s.withMaxPollAttempts(Integer.parseInt(attempts));
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "JIMENG_VIDEO_MAX_POLL_ATTEMPTS must be a whole number of at least 1, got '" + attempts + "'");
            }
        }
        // the first back-off after a transient error (doubling up to backoffMax); tests shorten it
        String backoff = env.get("JIMENG_VIDEO_RETRY_BACKOFF");
        if (backoff != null) {
            try {
                Duration base = Seconds.parse(backoff);
                s = s.withBackoff(
                        base, s.backoffMax().compareTo(base) < 0 ? base : s.backoffMax(), s.maxTransientErrors());
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "JIMENG_VIDEO_RETRY_BACKOFF must be a positive number of seconds, got '" + backoff + "'");
            }
        }
        return s;
    }

    /**
     * The API client, built on first need. Commands that make the engine call the API ask for it
     * before journaling anything, so missing credentials are a one-line error with nothing sent.
     */
    private synchronized JimengApi api() {
        if (api == null) {
            api = newApi();
        }
        return api;
    }

    private JimengApi newApi() {
        if (sandboxMode) {
            try {
                // Tasks survive a restart, so resuming after a crash works against the sandbox too.
                sandbox = SandboxServer.start(SandboxConfig.builder()
                        .taskJournal(sandboxJournalDir().resolve("sandbox-tasks.jsonl"))
                        .queueDuration(sandboxSeconds("JIMENG_SANDBOX_QUEUE_SECONDS", 1))
                        .generateDuration(sandboxSeconds("JIMENG_SANDBOX_GENERATE_SECONDS", 2))
                        .build());
            } catch (java.io.IOException e) {
                throw new UserError(ExitCode.NETWORK, "could not start the sandbox on 127.0.0.1: " + e.getMessage());
            }
            return new HttpJimengApi(
                    URI.create(sandbox.baseUrl()), sandbox.credentials(), clock, Duration.ofSeconds(30));
        }
        try {
            HttpJimengApi api = HttpJimengApi.fromEnvironment(env.variables(), clock);
            return verbose ? api.withRequestLog(line -> env.err().println("jimeng: api " + line)) : api;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /**
     * Builds the API client now (starting the built-in sandbox if asked for), so that missing
     * credentials are reported when a session starts rather than at its first command.
     *
     * @throws UserError naming what is missing and the fix
     */
    public void connect() {
        api();
    }

    @Override
    public synchronized void close() {
        try {
            if (manager != null) {
                manager.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
