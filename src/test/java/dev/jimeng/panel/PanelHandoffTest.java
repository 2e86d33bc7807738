package dev.jimeng.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import dev.jimeng.time.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The handoff between a JLine terminal and the panel, on JLine's external terminal (JLine keeps
 * the termios flags in memory and runs its own line discipline, like a pty).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PanelHandoffTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RecordingActions actions = new RecordingActions();
    private final FakeJobSource source = new FakeJobSource(PanelHarness.sampleJobs());

    @Test
    void keysTypedInJLineReachThePanelAndTheTerminalComesBackAsItWas() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        org.jline.terminal.Terminal terminal = jline(new PipedInputStream(keyboard));
        Attributes before = new Attributes(terminal.getAttributes());
        Panel panel = panel(typesOnFirstDraw(keyboard, "j\rjyq"), Sleeper.SYSTEM);

        try (terminal;
                keyboard) {
            Panel.runOn(terminal, panel);

            assertThat(panel.model().selectedIndex()).isEqualTo(2);
            assertThat(panel.model().details())
                    .as("Enter, a lone CR in JLine's raw mode")
                    .isTrue();
            assertThat(actions.calls).containsExactly("copy jimeng wait b81d2e4455");
            assertRestored(terminal, before);
        }
    }

    @Test
    void ctrlCClosesThePanelInsteadOfSignallingTheShell() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        org.jline.terminal.Terminal terminal = jline(new PipedInputStream(keyboard));
        List<String> signals = new ArrayList<>();
        terminal.handle(org.jline.terminal.Terminal.Signal.INT, s -> signals.add(s.name()));
        Panel panel = panel(typesOnFirstDraw(keyboard, "j\u0003j"), Sleeper.SYSTEM);

        try (terminal;
                keyboard) {
            Panel.runOn(terminal, panel);

            assertThat(panel.model().selectedIndex()).isEqualTo(1); // the j after Ctrl-C never reached the panel
            assertThat(signals).isEmpty();
            assertThat(terminal.getAttributes().getLocalFlag(LocalFlag.ISIG)).isTrue();
        }
    }

    @Test
    void anExceptionInsideThePanelStillRestoresTheTerminal() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        org.jline.terminal.Terminal terminal = jline(new PipedInputStream(keyboard));
        keyboard.write('j');
        keyboard.flush();
        org.jline.terminal.Terminal.SignalHandler shellWinch = s -> {};
        terminal.handle(org.jline.terminal.Terminal.Signal.WINCH, shellWinch);
        Attributes before = new Attributes(terminal.getAttributes());
        int[] calls = {0};
        EtaEstimate breaksOnSecondDraw = mode -> {
            if (calls[0]++ >= 4) { // four modes: the first draw asks four times
                throw new IllegalStateException("history store closed");
            }
            return Optional.empty();
        };

        try (terminal;
                keyboard) {
            assertThatThrownBy(() -> Panel.runOn(terminal, panel(breaksOnSecondDraw, Sleeper.SYSTEM)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("history store closed");

            assertRestored(terminal, before);
            assertThat(terminal.handle(
                            org.jline.terminal.Terminal.Signal.WINCH,
                            org.jline.terminal.Terminal.SignalHandler.SIG_DFL))
                    .isSameAs(shellWinch);
        }
    }

    @Test
    void anInterruptedPanelStillRestoresTheTerminal() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        org.jline.terminal.Terminal terminal = jline(new PipedInputStream(keyboard));
        Attributes before = new Attributes(terminal.getAttributes());
        CountDownLatch drawn = new CountDownLatch(1);
        EtaEstimate signalsFirstDraw = mode -> {
            drawn.countDown();
            return Optional.empty();
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Panel panel = panel(signalsFirstDraw, Sleeper.SYSTEM);

        try (terminal;
                keyboard) {
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    Panel.runOn(terminal, panel);
                } catch (IOException | RuntimeException e) {
                    thrown.set(e);
                }
            });
            assertThat(drawn.await(10, TimeUnit.SECONDS)).isTrue();
            thread.interrupt();
            thread.join(10_000);

            assertThat(thread.isAlive()).isFalse();
            assertRestored(terminal, before);
            assertThat(thrown.get()).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t)
                    .isInstanceOf(IOException.class));
        }
    }

    @Test
    void dumbTerminalsGetNoPanel() throws Exception {
        try (org.jline.terminal.Terminal dumb = new DumbTerminal(InputStream.nullInputStream(), out);
                org.jline.terminal.Terminal typedDumb = TerminalBuilder.builder()
                        .system(false)
                        .streams(InputStream.nullInputStream(), out)
                        .type("dumb")
                        .build();
                org.jline.terminal.Terminal xterm = jline(InputStream.nullInputStream())) {
            assertThat(PanelTerminals.capable(dumb)).isFalse();
            assertThat(PanelTerminals.capable(typedDumb)).isFalse();
            assertThat(PanelTerminals.capable(xterm)).isTrue();

            assertThatThrownBy(() -> Panel.runOn(dumb, panel(PanelHarness.ETA, Sleeper.SYSTEM)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
        }
    }

    @Test
    void lanternaOverJLineFollowsJLinesSize() throws Exception {
        try (org.jline.terminal.Terminal terminal = jline(InputStream.nullInputStream())) {
            PanelTerminals.JLineAnsiTerminal lanterna = PanelTerminals.overJLine(terminal);
            List<TerminalSize> seen = new ArrayList<>();
            lanterna.addResizeListener(new TerminalResizeListener() {
                @Override
                public void onResized(Terminal t, TerminalSize size) {
                    seen.add(size);
                }
            });

            assertThat(lanterna.getTerminalSize()).isEqualTo(new TerminalSize(100, 20));
            terminal.setSize(new Size(120, 30));
            terminal.raise(org.jline.terminal.Terminal.Signal.WINCH); // nobody listens yet
            lanterna.sizeChanged();

            assertThat(seen).contains(new TerminalSize(120, 30));
        }
    }

    @Test
    void jlinesReaderIsReadAsUtf8BytesWithATruthfulAvailable() throws Exception {
        try (org.jline.terminal.Terminal terminal =
                jline(new ByteArrayInputStream("猫a".getBytes(StandardCharsets.UTF_8)))) {
            terminal.enterRawMode(); // else the pty waits for a whole line
            ReaderInputStream in = new ReaderInputStream(terminal.reader(), StandardCharsets.UTF_8);
            byte[] buffer = new byte[8];
            int n = 0;
            while (n < 4) {
                n += in.read(buffer, n, buffer.length - n); // blocks until the pump has a key
            }
            int afterAll = in.available();
            in.close();

            assertThat(afterAll).isZero();
            assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).isEqualTo("猫a");
        }
    }

    /**
     * Types {@code keys} once the panel has drawn its first screen: by then JLine's pty is in raw
     * mode, so the keys are not held back or eaten by the line discipline.
     */
    private static EtaEstimate typesOnFirstDraw(PipedOutputStream keyboard, String keys) {
        boolean[] typed = {false};
        return mode -> {
            if (!typed[0]) {
                typed[0] = true;
                try {
                    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return PanelHarness.ETA.typicalDuration(mode);
        };
    }

    private Panel panel(EtaEstimate eta, Sleeper sleeper) {
        return new Panel(
                source, actions, actions, java.time.Clock.fixed(Jobs.NOW, java.time.ZoneOffset.UTC), eta, sleeper);
    }

    private org.jline.terminal.Terminal jline(InputStream keys) throws IOException {
        return TerminalBuilder.builder()
                .system(false)
                .streams(keys, out)
                .type("xterm-256color")
                .encoding(StandardCharsets.UTF_8)
                .size(new Size(100, 20))
                .build();
    }

    /**
     * JLine copies what the panel writes from its pty to our stream on its own thread: wait until
     * {@code expected} has come through (or give up after a few seconds and let the assertion say so).
     */
    private String awaitOutput(String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String written = out.toString(StandardCharsets.UTF_8);
        while (!written.contains(expected) && System.nanoTime() < deadline) {
            Thread.yield();
            written = out.toString(StandardCharsets.UTF_8);
        }
        return written;
    }

    private void assertRestored(org.jline.terminal.Terminal terminal, Attributes before) {
        Attributes after = terminal.getAttributes();
        for (LocalFlag flag : List.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ISIG, LocalFlag.IEXTEN)) {
            assertThat(after.getLocalFlag(flag)).as(flag.name()).isEqualTo(before.getLocalFlag(flag));
        }
        assertThat(after.getInputFlags()).isEqualTo(before.getInputFlags());
        String written = awaitOutput("\u001b[?1049l");
        int entered = written.indexOf("\u001b[?1049h");
        assertThat(entered).as("entered the alternate screen").isGreaterThanOrEqualTo(0);
        assertThat(written.lastIndexOf("\u001b[?1049l"))
                .as("left the alternate screen")
                .isGreaterThan(entered);
        assertThat(written.substring(entered)).contains("jimeng jobs");
    }
}
