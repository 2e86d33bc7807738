package dev.jimeng.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.BasicCharacterPattern;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp;

/** Building the Lanterna terminal the panel draws on, and deciding whether one can be built. */
public final class PanelTerminals {
    private PanelTerminals() {}

    /**
     * True when the JLine terminal can host the full-screen panel: not dumb, and able to address
     * the cursor. When false, use {@link PlainWatch}.
     */
    public static boolean capable(Terminal terminal) {
        String type = terminal.getType();
        if (terminal instanceof DumbTerminal || type == null || type.startsWith(Terminal.TYPE_DUMB)) {
            return false;
        }
        return terminal.getStringCapability(InfoCmp.Capability.cursor_address) != null;
    }

    /**
     * A Lanterna terminal on JLine's own streams: JLine keeps the tty (raw mode, size, resize
     * signal), Lanterna only writes ANSI sequences to JLine's output and reads keys through JLine's
     * reader. Call {@link JLineAnsiTerminal#sizeChanged()} from JLine's WINCH handler.
     */
    public static JLineAnsiTerminal overJLine(Terminal terminal) {
        Charset charset = terminal.outputEncoding();
        ReaderInputStream keys = new ReaderInputStream(terminal.reader(), charset);
        return new JLineAnsiTerminal(keys, terminal.output(), charset, () -> {
            Size s = terminal.getSize();
            return new TerminalSize(s.getColumns() > 0 ? s.getColumns() : 80, s.getRows() > 0 ? s.getRows() : 24);
        });
    }

    /**
     * Lanterna's ANSI terminal with the size taken from a supplier instead of asked from the
     * terminal with a cursor report (which would race JLine for the reply), and a {@code close()}
     * that leaves the streams open: they belong to JLine.
     */
    public static final class JLineAnsiTerminal extends ANSITerminal {
        private final InputStream in;
        private final Supplier<TerminalSize> size;

        /**
         * @param in keys; closed by {@link #close()} (for JLine, a stream that stops reading
         *     JLine's reader, not JLine's stream itself)
         */
        public JLineAnsiTerminal(InputStream in, OutputStream out, Charset charset, Supplier<TerminalSize> size) {
            super(in, out, charset);
            this.in = in;
            this.size = size;
            // JLine's raw mode turns ICRNL off, so Enter arrives as a lone CR, which Lanterna does
            // not decode (it expects the tty to turn it into LF): without this, Enter and the key
            // after it are dropped.
            getInputDecoder().addProfile(() -> List.of(new BasicCharacterPattern(new KeyStroke(KeyType.Enter), '\r')));
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return size.get();
        }

        /** Tells Lanterna (and so the screen) that the size may have changed. */
        public void sizeChanged() {
            try {
                getTerminalSize();
            } catch (IOException e) {
                // cannot happen: the size comes from the supplier
            }
        }

        /** A JLine {@code SignalHandler} for WINCH. */
        public void sizeChangedOnSignal(Terminal.Signal signal) {
            sizeChanged();
        }

        /**
         * After {@link #close()}: the keys that came but were not read, for the shell to read next
         * (empty unless the keys came through JLine's reader).
         */
        public String keysLeft() {
            return in instanceof ReaderInputStream keys ? keys.unread() : "";
        }

        @Override
        public void close() throws IOException {
            try {
                super.close(); // leaves the alternate screen if still on it; closes no stream
                flush();
            } finally {
                in.close();
            }
        }
    }
}
