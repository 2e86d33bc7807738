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
    private final Assets assets;
    private final Clock clock = Clock.systemUTC();

    private final ProfileAccounts accounts;
    private final SupportLog log;
    private final ApiConnection connection;
    private JobStore store;
    private JobManager manager;
    private JobService service;

    private App(Environment env, boolean sandboxMode, boolean verbose, Options options) {
        this.env = env;
        this.sandboxMode = sandboxMode;
        this.settings = loadSettings(env, options);
        this.paths = settings.paths();
        settings.notices().forEach(n -> env.err().println("jimeng: " + dev.jimeng.text.TerminalText.safe(n)));
        if (!settings.problems().isEmpty()) {
            // a value that cannot be used must not quietly become the default (a different, billed video)
            throw new UserError(ExitCode.BAD_INPUT, String.join("\n", settings.problems()));
        }
        this.assets = new Assets(new dev.jimeng.config.AssetFile(paths), paths);
        this.validator = new RequestValidator(env.workingDirectory(), settings::prices, assets);
        this.accounts = new ProfileAccounts(env, settings);
        this.log = new SupportLog(
                paths.stateDir().resolve(SupportLog.FILE_NAME),
                SupportLog.MAX_BYTES,
                clock,
                this::secrets,
                verbose ? line -> env.err().println(line) : null);
        this.connection =
                new ApiConnection(settings, clock, accounts, log::call, sandboxMode ? sandboxJournalDir() : null);
    }

    /**
     * What the command line chose: {@code --profile} (null when not given) and {@code --setting}
     * values by key.
     */
    public record Options(String profile, java.util.Map<String, String> settings, boolean newProfile) {
        public static final Options NONE = new Options(null, java.util.Map.of(), false);
    }

    /**
     * The settings as {@link #create} would read them, without refusing bad ones: for {@code config}
     * and {@code profile}, which must work to fix them. Shows no notices.
     */
    public static Settings loadSettings(Environment env, Options options) {
        JimengPaths paths = JimengPaths.resolve(env.variables(), env.userHome(), env.workingDirectory());
        return Settings.load(paths, env.variables(), options.profile(), options.settings(), options.newProfile());
    }

    /** {@code login} and {@code logout} for the active profile. */
    public Login login() {
        return new Login(env, settings, accounts, clock);
    }

    public static App create(Environment env, boolean sandbox, boolean verbose) {
        return new App(env, sandbox, verbose, Options.NONE);
    }

    public static App create(Environment env, boolean sandbox, boolean verbose, Options options) {
        return new App(env, sandbox, verbose, options);
    }

    /** The profile in use: its keys, endpoint, caps and jobs. */
    public String profile() {
        return settings.profile();
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

    /** Image asset aliases, {@code @name} wherever an image goes. */
    public Assets assets() {
        return assets;
    }

    /** Saved prompt templates. */
    public Templates templates() {
        return new Templates(new dev.jimeng.config.TemplateFile(paths), env.workingDirectory());
    }

    /**
     * How a command line typed here reaches the jobs of {@code profile} (null: the profile a bare
     * {@code jimeng} picks), in the sandbox or not.
     */
    public dev.jimeng.config.Invocation invocationOf(boolean sandbox, String profile) {
        return new dev.jimeng.config.Invocation(sandbox, profile == null ? null : settings.nameFor(profile));
    }

    public boolean sandboxMode() {
        return sandboxMode;
    }

    /** The log for support; every API call and error goes there, redacted. */
    public SupportLog log() {
        return log;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The account and endpoint API calls are made with (starting the built-in sandbox if asked for).
     */
    public ApiAccount account() {
        return connection.account();
    }

    /**
     * The API client (built now, the built-in sandbox started if asked for).
     *
     * @throws UserError naming what is missing and the fix
     */
    public dev.jimeng.api.JimengApi api() {
        return connection.api();
    }

    /** The secret values no output may show: keys in use, the sandbox's included. */
    public java.util.List<String> secrets() {
        return connection == null ? accounts.secrets() : connection.secrets();
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
                    invocationOf(sandboxMode, settings.profile()),
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

    /**
     * Videos come through the proxy the API calls use (HTTPS_PROXY and friends); the built-in
     * sandbox's are on 127.0.0.1 and never go through one.
     */
    private java.net.ProxySelector downloadProxy() {
        return sandboxMode
                ? null
                : dev.jimeng.api.ProxyVariables.from(env.variables()).selector();
    }

    /** The job engine, started on first use (journal opened; the API client is built when a call needs it). */
    private synchronized JobManager engine() {
        if (manager == null) {
            // listing and showing jobs needs no credentials: the client is built when a call needs it
            JimengApi api = new DeferredApi(connection::api);
            store = JobStore.open(sandboxMode ? sandboxJournalDir() : paths.stateDir(), settings.profile());
            manager = new JobManager(
                    store,
                    api,
                    request -> validator.validate(request).body(),
                    new DownloaderFetcher(
                            new Downloader(downloadProxy(), clock, Sleeper.SYSTEM, DownloadPolicy.defaults())),
                    this::outputFor,
                    clock,
                    Sleeper.SYSTEM,
                    EngineConfig.of(settings, sandboxMode));
            manager.setJournalRetryWindow(EngineConfig.journalRetryWindow(settings));
            // the engine's listeners live as long as it does: nothing to unsubscribe
            manager.subscribe(new dev.jimeng.metadata.SidecarWriter(
                    store::get, sandboxMode, settings.profile(), dev.jimeng.config.JimengVersion.fullVersion()));
            // read per video, so the shell's "set embed-metadata" applies to the next download
            var embedder = new dev.jimeng.metadata.MetadataEmbedder(
                    sandboxMode, settings.profile(), dev.jimeng.config.JimengVersion.fullVersion());
            manager.setVideoFinisher((job, video) -> {
                try {
                    return settings.embedMetadata() && embedder.finish(job, video);
                } catch (java.io.IOException e) {
                    // the video is kept as downloaded, with its sidecar; the log says why
                    log.error(new java.io.IOException("metadata not written into " + video.getFileName(), e));
                    throw e;
                }
            });
        }
        return manager;
    }

    /**
     * A note naming the other profiles' unfinished jobs, which this process leaves alone (they are
     * polled only with their own profile's keys), or empty when there are none.
     */
    public java.util.Optional<String> otherProfilesNote() {
        engine();
        java.util.Map<String, Long> elsewhere = store.unfinishedElsewhere();
        if (elsewhere.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        elsewhere.forEach((profile, n) -> parts.add(n + " of profile " + profile + " ('jimeng"
                + (sandboxMode ? " --sandbox" : "") + " --profile " + profile + " wait' carries "
                + (n == 1 ? "it" : "them") + " on)"));
        return java.util.Optional.of("unfinished jobs of other profiles are left alone: " + String.join("; ", parts));
    }

    /** The spend ledger of the journal (opened if need be) since {@code since}. */
    private java.util.List<dev.jimeng.store.SpendRow> spend(java.time.Instant since) {
        engine();
        return store.spend(since);
    }

    /** The folder of the job journal in use: the built-in sandbox's own, or the state folder. */
    public Path journalDirectory() {
        return sandboxMode ? sandboxJournalDir() : paths.stateDir();
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

    /** Where jobs go: "sandbox on 127.0.0.1:PORT, nothing is billed", or the masked account and endpoint. */
    public String whereJobsGo() {
        return connection.describe();
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
