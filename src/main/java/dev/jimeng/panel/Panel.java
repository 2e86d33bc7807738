package dev.jimeng.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.JobSource;
import dev.jimeng.time.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The live task panel's loop: polls keys, applies job events, and redraws. Keys redraw at once;
 * job events and the passing of time (spinner, elapsed, ETA) are coalesced into at most
 * {@link #MAX_REDRAWS_PER_SECOND} redraws a second. Every redraw is a delta refresh, so only the
 * changed cells reach the terminal.
 *
 * <p>Use {@link #run(Screen)} on any Lanterna screen, or {@link #runOn(Terminal, Panel)} to take
 * over a JLine terminal between two {@code readLine} calls and give it back as it was.
 */
public final class Panel {
    public static final int MAX_REDRAWS_PER_SECOND = 5;
    static final Duration MIN_REDRAW_INTERVAL = Duration.ofMillis(1000 / MAX_REDRAWS_PER_SECOND);
    /** Pause between input polls when nothing happened. */
    static final Duration IDLE_POLL = Duration.ofMillis(15);
    /** Keys handled per step before drawing, so a held key still shows movement. */
    private static final int MAX_KEYS_PER_STEP = 64;

    private final JobSource source;
    private final PanelActions actions;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PanelModel model = new PanelModel();
    private final PanelController controller;
    private final PanelRenderer renderer;
    private final Queue<JobSnapshot> events = new ConcurrentLinkedQueue<>();

    private Screen screen;
    private AutoCloseable subscription;
    private Instant lastRender = Instant.MIN;
    private boolean eventsPending;
    private boolean messageShown;
    private long renders;
    private boolean colors = true;
    private final TypedAhead typedAhead = new TypedAhead();

    public Panel(
            JobSource source,
            PanelActions actions,
            Clipboard clipboard,
            Clock clock,
            EtaEstimate eta,
            Sleeper sleeper) {
        this.source = source;
        this.actions = actions;
        this.clock = clock;
        this.sleeper = sleeper;
        this.controller = new PanelController(model, actions, clipboard, clock);
        this.renderer = new PanelRenderer(eta, clock.getZone(), actions.invocation());
    }

    /** Draw without colours (NO_COLOR, --color=never): bold and reverse video only. */
    public void setColors(boolean colors) {
        this.colors = colors;
    }

    /** Draws a done job's first frame beside its details (half blocks, 24-bit colour or 256). */
    public void showStills(boolean truecolor) {
        renderer.showStills(truecolor);
    }

    /** Use ASCII for the spinner, arrows and lines (for terminals whose charset lacks them). */
    public void setUnicode(boolean unicode) {
        renderer.setUnicode(unicode);
    }

    /**
     * Runs the panel on a screen until q/Esc, end of input, or an interrupt (the interrupt flag is
     * kept). Starts the screen and always stops it, also when an exception is thrown.
     */
    public void run(Screen screen) throws IOException {
        Throwable failure = null;
        try {
            open(screen);
            while (step()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            try {
                close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Takes over a JLine terminal, runs the panel, and gives the terminal back exactly as it was,
     * whatever happens: each restore step runs on its own even if an earlier one failed. The
     * caller (the shell) suspends its status line and queues notices around this call. Not
     * {@code terminal.pause()}: the panel reads keys through JLine's reader, which pausing would
     * stop on the platforms where pause does anything.
     */
    public static String runOn(Terminal terminal, Panel panel) throws IOException {
        if (!PanelTerminals.capable(terminal)) {
            throw new IllegalStateException("this terminal cannot show the panel; use plain watch output");
        }
        Attributes saved = terminal.getAttributes();
        Thread restoreOnExit = new Thread(() -> emergencyRestore(terminal, saved), "jimeng-panel-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        Terminal.SignalHandler previousWinch = null;
        boolean winchInstalled = false;
        PanelTerminals.JLineAnsiTerminal lanterna = null;
        TerminalScreen screen = null;
        Guard guard = new Guard();
        try {
            terminal.enterRawMode();
            // Ctrl-C arrives as a key (it closes the panel) instead of a signal to the whole shell.
            Attributes raw = terminal.getAttributes();
            raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            terminal.setAttributes(raw);
            lanterna = PanelTerminals.overJLine(terminal);
            previousWinch = terminal.handle(Terminal.Signal.WINCH, lanterna::sizeChangedOnSignal);
            winchInstalled = true;
            panel.setUnicode(canEncode(terminal.outputEncoding(), "⠋─↑"));
            screen = new TerminalScreen(lanterna);
            panel.run(screen);
        } catch (IOException | RuntimeException | Error e) {
            guard.primary(e);
        } finally {
            TerminalScreen s = screen;
            PanelTerminals.JLineAnsiTerminal l = lanterna;
            Terminal.SignalHandler w = previousWinch;
            guard.step(() -> {
                if (s != null) {
                    s.stopScreen(false); // leave the alternate screen; usually done by run() already
                }
            });
            guard.step(() -> {
                if (l != null) {
                    l.close();
                }
            });
            if (winchInstalled) {
                guard.step(() -> terminal.handle(Terminal.Signal.WINCH, w));
            }
            guard.step(() -> terminal.setAttributes(saved));
            guard.step(terminal::flush);
            guard.step(() -> Runtime.getRuntime().removeShutdownHook(restoreOnExit));
            if (l != null) {
                panel.typedAhead.add(l.keysLeft());
            }
        }
        guard.rethrow();
        return panel.typedAhead();
    }

    /** The keys typed after the one that closed the panel, as the terminal sent them. */
    String typedAhead() {
        return typedAhead.toString();
    }

    /** Last resort when the JVM exits while the panel is open (SIGTERM, System.exit). */
    private static void emergencyRestore(Terminal terminal, Attributes saved) {
        try {
            terminal.writer().write("\u001b[0m\u001b[?25h\u001b[?1049l");
            terminal.flush();
        } catch (RuntimeException ignored) {
            // the terminal may be gone already
        }
        try {
            terminal.setAttributes(saved);
        } catch (RuntimeException ignored) {
            // same
        }
    }

    private static boolean canEncode(Charset charset, String sample) {
        try {
            return charset.newEncoder().canEncode(sample);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    // ---- the loop, in steps tests can drive one at a time

    void open(Screen screen) throws IOException {
        this.screen = screen;
        screen.startScreen();
        screen.setCursorPosition(null); // hides the cursor
        subscription = source.subscribe(this::onEvent);
        model.setGroups(actions.groups());
        model.replaceAll(source.jobs());
        events.clear(); // anything queued meanwhile is already in jobs(), or comes again
        render(true);
    }

    private void onEvent(JobSnapshot snapshot) {
        events.add(snapshot);
    }

    /**
     * One turn of the loop: resize, keys, events, maybe a redraw; sleeps {@link #IDLE_POLL} when
     * nothing happened. Returns false when the panel should close.
     */
    boolean step() throws IOException, InterruptedException {
        boolean resized = screen.doResizeIfNecessary() != null;
        boolean keyed = false;
        for (int i = 0; i < MAX_KEYS_PER_STEP; i++) {
            KeyStroke key = screen.pollInput();
            if (key == null) {
                break;
            }
            keyed = true;
            if (!controller.handle(key)) {
                // what came after the closing key is the shell's: take it from Lanterna to hand back
                for (KeyStroke after = screen.pollInput(); after != null; after = screen.pollInput()) {
                    typedAhead.add(after);
                }
                return false;
            }
        }
        for (JobSnapshot s = events.poll(); s != null; s = events.poll()) {
            model.update(s);
            eventsPending = true;
        }
        Instant now = clock.instant();
        boolean throttleOver = !now.isBefore(lastRender.plus(MIN_REDRAW_INTERVAL));
        boolean timePassing = model.anyActive() || messageShown || renderer.stillPending();
        if (resized || keyed) {
            render(resized);
        } else if (throttleOver && (eventsPending || timePassing)) {
            render(false);
        } else {
            sleeper.sleep(IDLE_POLL);
        }
        return true;
    }

    /** Takes the colours out of what was drawn, in one place for the table, the details and the help. */
    private void withoutColours(TerminalSize size) {
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                com.googlecode.lanterna.TextCharacter c = screen.getBackCharacter(column, row);
                if (c != null
                        && (c.getForegroundColor() != TextColor.ANSI.DEFAULT
                                || c.getBackgroundColor() != TextColor.ANSI.DEFAULT)) {
                    screen.setCharacter(
                            column,
                            row,
                            c.withForegroundColor(TextColor.ANSI.DEFAULT).withBackgroundColor(TextColor.ANSI.DEFAULT));
                }
            }
        }
    }

    private void render(boolean complete) throws IOException {
        Instant now = clock.instant();
        TerminalSize size = screen.getTerminalSize();
        renderer.render(model, screen.newTextGraphics(), size, now);
        if (!colors) {
            withoutColours(size);
        }
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        lastRender = now;
        eventsPending = false;
        messageShown = model.message(now).isPresent();
        renders++;
    }

    void close() {
        Guard guard = new Guard();
        if (subscription != null) {
            guard.step(subscription::close);
            subscription = null;
        }
        if (screen != null) {
            Screen s = screen;
            guard.step(() -> {
                if (s instanceof TerminalScreen ts) {
                    ts.stopScreen(false); // keys typed after q stay with JLine where possible
                } else {
                    s.stopScreen();
                }
            });
        }
        guard.rethrowUnchecked();
    }

    PanelModel model() {
        return model;
    }

    long renders() {
        return renders;
    }

    /** Runs restore steps each on its own, keeping the first failure and attaching the rest. */
    private static final class Guard {
        interface Step {
            void run() throws Exception;
        }

        private Throwable first;

        void primary(Throwable t) {
            first = t;
        }

        void step(Step step) {
            try {
                step.run();
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }

        void rethrow() throws IOException {
            if (first instanceof IOException e) {
                throw e;
            }
            rethrowUnchecked();
        }

        void rethrowUnchecked() {
            switch (first) {
                case null -> {}
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case IOException e -> throw new UncheckedIOException(e);
                default -> throw new IllegalStateException(first);
            }
        }
    }
}
