package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.ExitCode;
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
        subcommands = {
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
            BatchCommand.class,
            WatchCommand.class,
            SandboxCommand.class
        },
        footer = {
            "",
            "Run with no command at a terminal to open the interactive shell.",
            "Try it without an account: jimeng --sandbox generate \"a red fox in the snow\""
        })
public final class JimengCommand extends BaseCommand {
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

    /** The composition root, built on first use (so --help and bad options cost nothing). */
    @Override
    public App app() {
        if (app == null) {
            app = appFactory.apply(this);
        }
        return app;
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
