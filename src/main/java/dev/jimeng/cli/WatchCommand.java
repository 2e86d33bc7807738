package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.panel.Clipboard;
import dev.jimeng.panel.EtaEstimate;
import dev.jimeng.panel.Panel;
import dev.jimeng.panel.PanelTerminals;
import dev.jimeng.panel.PlainWatch;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;

/** The live panel of all jobs; plain status lines where no capable terminal exists. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Open the live panel of all jobs (q to leave); plain status lines when not at a terminal.",
        footer = {"", "Examples:", "  jimeng watch", "  jimeng --sandbox watch"})
public final class WatchCommand extends BaseCommand {
    @Override
    protected ExitCode doCall() throws Exception {
        if (root().interactive()) {
            ShellControl shell = root().shell();
            if (shell.capableTerminal() && PanelTerminals.capable(shell.terminal())) {
                shell.runFullScreen(() -> runPanel(shell.terminal()));
            } else {
                plain();
            }
            return ExitCode.OK;
        }
        // One-shot: carry the unfinished jobs on while watching them (they stop, resumable, on q).
        jobs().resumeAll();
        if (app().env().stdinIsTerminal() && app().env().stdoutIsTerminal()) {
            try (Terminal terminal = TerminalProviders.systemTerminal().build()) {
                if (PanelTerminals.capable(terminal)) {
                    runPanel(terminal);
                    return ExitCode.OK;
                }
            }
        }
        plain();
        return ExitCode.OK;
    }

    private void plain() throws InterruptedException {
        new PlainWatch(jobs(), Clock.systemUTC(), out(), jobs().invocation()).run();
    }

    /** Runs the panel until it closes; returns the keys typed after the one that closed it. */
    private String runPanel(Terminal terminal) {
        Panel panel = new Panel(
                app().jobs(),
                new EnginePanelActions(app()),
                Clipboard.osc52(terminal.output()),
                Clock.systemUTC(),
                etaFromHistory(),
                Sleeper.SYSTEM);
        panel.setColors(colors());
        var pictures = dev.jimeng.preview.Graphics.detect(app().env().variables(), true);
        if (pictures != dev.jimeng.preview.Graphics.NONE) {
            panel.showStills(pictures != dev.jimeng.preview.Graphics.PALETTE_BLOCKS);
        }
        try {
            return Panel.runOn(terminal, panel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Typical time per mode from the journal's finished jobs, asked once per mode per panel. */
    private EtaEstimate etaFromHistory() {
        Map<String, Optional<Duration>> cache = new ConcurrentHashMap<>();
        return new EtaEstimate() {
            @Override
            public Optional<Duration> typicalDuration(String mode) {
                return cache.computeIfAbsent(mode, m -> app().jobs().typicalGenerationTime(m));
            }

            @Override
            public int serverSlots() {
                return app().settings().concurrency(); // read at each redraw: `set concurrency` shows at once
            }
        };
    }
}
