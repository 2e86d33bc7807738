package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root of the command tree, shared by the one-shot CLI and the shell. */
@Command(
        name = "jimeng",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Make videos with Volcengine's Jimeng Video 3.0 API: shell, panel, job engine, sandbox.",
        footer = {
            "",
            "Run with no command at a terminal to open the interactive shell.",
            "Try it without an account: jimeng --sandbox generate \"a red fox in the snow\""
        })
public final class JimengCommand extends BaseCommand {
    /**
     * The subcommands, one line each (the array allows a trailing comma), in the order usage lists
     * them. Not in {@code @Command}: picocli would build them all on every start; {@link CommandTree}
     * builds only the one a run names.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(new Class<?>[] {
        GenerateCommand.class,
        SubmitCommand.class,
        WaitCommand.class,
        StatusCommand.class,
        DownloadCommand.class,
        JobsCommand.class,
        ShowCommand.class,
        PreviewCommand.class,
        GalleryCommand.class,
        StarCommand.class,
        InspectCommand.class,
        RerunCommand.class,
        PickCommand.class,
        RetryCommand.class,
        AttachCommand.class,
        CancelCommand.class,
        SpendCommand.class,
        PruneCommand.class,
        BatchCommand.class,
        StoryCommand.class,
        TemplateCommand.class,
        AssetCommand.class,
        WatchCommand.class,
        SandboxCommand.class,
        DoctorCommand.class,
        McpCommand.class,
        SchemaCommand.class,
        ConfigCommand.class,
        ProfileCommand.class,
        LoginCommand.class,
        LogoutCommand.class,
        CompletionCommand.class,
        HelpCommand.class,
    });

    @Option(
            names = "--sandbox",
            scope = ScopeType.INHERIT,
            description = "Run against a built-in local sandbox server (no account needed, nothing billed).")
    boolean sandbox;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show stack traces and the API calls made (secrets redacted).")
    boolean verbose;

    @Option(
            names = "--profile",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Use this profile's keys, endpoint, caps and jobs (default: JIMENG_PROFILE, else"
                    + " config.toml's default-profile, else 'default').")
    String profile;

    @Option(
            names = "--setting",
            scope = ScopeType.INHERIT,
            paramLabel = "KEY=VALUE",
            description = "Set a setting for this run (over config.toml and the environment); repeatable.")
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();

    /** Set by login: a profile that does not exist yet may be named (login creates it). */
    private boolean newProfile;

    private dev.jimeng.app.Environment environment;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            scope = ScopeType.INHERIT,
            description = "Colours in the panel: auto (at a terminal, unless NO_COLOR is set), always or never.")
    dev.jimeng.config.ColorChoice color = dev.jimeng.config.ColorChoice.AUTO;

    /** Opens the interactive shell; given by Main so that cli does not depend on shell. */
    public interface ShellLauncher {
        int run(JimengCommand root) throws Exception;
    }

    private final Function<JimengCommand, App> appFactory;
    private final ShellLauncher shellLauncher;
    private App app;
    private ShellControl shell;
    private SessionPort oneShot;
    private InterruptSignal interrupts = InterruptSignal.NONE;

    public JimengCommand(Function<JimengCommand, App> appFactory, ShellLauncher shellLauncher) {
        this.appFactory = appFactory;
        this.shellLauncher = shellLauncher;
    }

    public boolean sandbox() {
        return sandbox;
    }

    public boolean verbose() {
        return verbose;
    }

    /** The command line's --profile and --setting values, for building the app. */
    public App.Options appOptions() {
        return new App.Options(profile, java.util.Map.copyOf(settings), newProfile);
    }

    /** The process's environment, for commands that read settings without building the app. */
    dev.jimeng.app.Environment environment() {
        return environment;
    }

    void useEnvironment(dev.jimeng.app.Environment env) {
        this.environment = env;
    }

    /** Lets --profile name a profile no file has yet (before the app is built). */
    void allowNewProfile() {
        newProfile = true;
    }

    public dev.jimeng.config.ColorChoice color() {
        return color;
    }

    /** The composition root, built on first use (so --help and bad options cost nothing). */
    @Override
    public App app() {
        if (app == null) {
            app = appFactory.apply(this);
        } else if (interactive() && (!settings.isEmpty() || (profile != null && !profile.equals(app.profile())))) {
            // the shell's app was built once, with its profile and settings: a line cannot swap them
            throw new dev.jimeng.app.UserError(
                    ExitCode.BAD_INPUT,
                    (settings.isEmpty()
                            ? "this shell uses profile " + app.profile() + "; start '"
                                    + new dev.jimeng.config.Invocation(sandbox, profile).jimeng() + "' for another"
                            : "--setting is for one-shot commands; in the shell use 'set KEY VALUE'"));
        }
        return app;
    }

    /**
     * Called by the shell after each line: the {@code --profile} and {@code --setting} a line gave were for
     * that line (and refused when they differ from the shell's); kept, they would make every later use of
     * the app fail, between lines too.
     */
    public void forgetLineOptions() {
        if (app != null) { // until the app is built they are the shell's own, from its command line
            profile = null;
            settings.clear();
        }
    }

    /** Called by the shell: commands then return at once and leave jobs running in the background. */
    public void attachShell(ShellControl shell) {
        this.shell = shell;
    }

    public boolean interactive() {
        return shell != null;
    }

    InterruptSignal interrupts() {
        return interrupts;
    }

    void useInterrupts(InterruptSignal interrupts) {
        this.interrupts = interrupts;
    }

    /** Where commands run: the shell (or piped script) when one is attached, else a one-shot run. */
    SessionPort currentSession() {
        if (shell != null) {
            return shell;
        }
        if (oneShot == null) {
            oneShot = new OneShotSession(app(), spec.commandLine().getErr(), interrupts);
        }
        return oneShot;
    }

    public ShellControl shell() {
        return shell;
    }

    public App existingApp() {
        return app;
    }

    @Override
    public Integer call() throws Exception {
        if (interactive()) {
            spec.commandLine().usage(out());
            return ExitCode.OK.code();
        }
        app(); // bad settings stop the shell before it starts, as they stop every command
        return shellLauncher.run(this);
    }

    @Override
    protected ExitCode doCall() {
        throw new UnsupportedOperationException("call() is overridden");
    }
}
