package dev.jimeng.app;

import dev.jimeng.api.JimengApi;
import dev.jimeng.config.InvalidSettingException;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.ResolvedSetting;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.download.DownloadPolicy;
import dev.jimeng.job.download.Downloader;
import dev.jimeng.job.download.DownloaderFetcher;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root: settings, journal, API client (real or sandbox) and job engine, each
 * built on first use so that validation errors and --help cost nothing.
 */
public final class App implements AutoCloseable {
    private final Environment env;
    private final boolean sandboxMode;
    private final JimengPaths paths;
    private final Settings settings;
    private final RequestValidator validator;
    private final Clock clock = Clock.systemUTC();

    private final ApiConnection connection;
    private JobStore store;
    private JobManager manager;
    private JobService service;

    private App(Environment env, boolean sandboxMode, boolean verbose) {
        this.env = env;
        this.sandboxMode = sandboxMode;
        this.paths = JimengPaths.resolve(env.variables(), env.userHome(), env.workingDirectory());
        this.settings = Settings.load(paths, env.variables());
        if (!settings.problems().isEmpty()) {
            // a value that cannot be used must not quietly become the default (a different, billed video)
            throw new UserError(ExitCode.BAD_INPUT, String.join("\n", settings.problems()));
        }
        this.validator = new RequestValidator(env.workingDirectory(), settings::prices);
        this.connection = new ApiConnection(env, clock, verbose, sandboxMode ? sandboxJournalDir() : null);
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
                    typed -> validator.validate(RequestDefaults.fill(typed, settings)),
                    this::outputDirectory,
                    OutputCheck.system(),
                    clock,
                    sandboxMode,
                    this::spend,
                    new Budget(settings, this::spend, clock, java.time.ZoneId.systemDefault()));
        }
        return service;
    }

    /**
     * Sets a session value (the shell's {@code set}) and applies it at once; an output folder is
     * checked first, so one jimeng cannot save to is refused now, not after a job was billed.
     *
     * @throws InvalidSettingException for an unknown key or a bad value
     * @throws UserError for an output folder that cannot be used
     */
    public ResolvedSetting set(String key, String value) {
        Setting setting = Setting.require(key);
        if (setting == Setting.OUTPUT_DIR) {
            OutputCheck.system().checkFolder(Path.of(setting.parse(value, paths)));
        }
        ResolvedSetting r = settings.set(key, value);
        settingsChanged();
        return r;
    }

    /** Drops a session value (the shell's {@code unset}) and applies what is in effect now at once. */
    public ResolvedSetting unset(String key) {
        ResolvedSetting r = settings.unset(key);
        settingsChanged();
        return r;
    }

    /**
     * Applies changed settings to an engine already running: the concurrency holds for the jobs not
     * sent yet, the poll interval for every poll to come. Settings read per job (mode, duration,
     * output folder, ...) need nothing: a job takes them when it is queued and keeps them.
     */
    public synchronized void settingsChanged() {
        if (manager != null) {
            manager.setServerConcurrency(settings.concurrency());
            manager.setPollInterval(EngineConfig.pollInterval(settings, sandboxMode));
        }
    }

    /** The job engine, started on first use (journal opened; the API client is built when a call needs it). */
    private synchronized JobManager engine() {
        if (manager == null) {
            // listing and showing jobs needs no credentials: the client is built when a call needs it
            JimengApi api = new DeferredApi(connection::api);
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
                    EngineConfig.of(env, settings, sandboxMode));
            manager.setJournalRetryWindow(EngineConfig.journalRetryWindow(env));
            // the engine's listeners live as long as it does: nothing to unsubscribe
            manager.subscribe(new dev.jimeng.metadata.SidecarWriter(
                    store::get,
                    sandboxMode,
                    java.util.Objects.requireNonNullElse(App.class.getPackage().getImplementationVersion(), "dev")));
        }
        return manager;
    }

    /** The spend ledger of the journal (opened if need be) since {@code since}. */
    private java.util.List<dev.jimeng.store.SpendRow> spend(java.time.Instant since) {
        engine();
        return store.spend(since);
    }

    /** Sandbox jobs live apart from real ones: they can never be resumed against the real API. */
    private Path sandboxJournalDir() {
        return paths.stateDir().resolve("sandbox");
    }

    /**
     * A job's journaled path is a file (its name ends in .mp4) or the folder fixed when it was queued
     * (made again if it was removed meanwhile); journals from before folders were fixed hold none,
     * and then the output directory applies.
     */
    private Path outputFor(JobSnapshot job) {
        Path requested = job.outputPath();
        if (requested == null) {
            return Destination.inDirectory(outputDirectory())
                    .pathFor(job.taskId(), job.request().prompt());
        }
        if (Files.isDirectory(requested) || (!Files.exists(requested) && !OutputTarget.isVideoName(requested))) {
            return Destination.inDirectory(requested)
                    .pathFor(job.taskId(), job.request().prompt());
        }
        // A re-download of a file still on disk gets a sibling name: nothing is ever overwritten.
        return Files.exists(requested) ? OutputNaming.uniqueSibling(requested) : requested;
    }

    /**
     * Builds the API client now (starting the built-in sandbox if asked for), so that missing
     * credentials are reported when a session starts rather than at its first command.
     *
     * @throws UserError naming what is missing and the fix
     */
    public void connect() {
        connection.api();
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
            connection.close();
        }
    }
}
