package dev.jimeng.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import org.jline.utils.NonBlockingReader;

/**
 * JLine's reader as a byte stream for Lanterna, with a truthful {@link #available()}.
 *
 * <p>Lanterna's input decoder only reads when {@code available() > 0}; JLine's own streams
 * always say 0, so keys would never arrive. Asking JLine with a short {@code peek} does not work
 * either: on a pty JLine waits in steps of 100 ms (termios VTIME), which would delay every key.
 * So a small daemon thread moves characters from JLine's reader into a buffer as they come, and
 * {@code available()} reports what the buffer holds. {@link #close()} stops the thread before the
 * shell reads again, so it cannot steal the shell's keys.
 */
final class ReaderInputStream extends InputStream {
    /** How long the pump waits for a key before looking whether it should stop. */
    private static final long POLL_MILLIS = 50;

    private final NonBlockingReader reader;
    private final Charset charset;
    private final ArrayDeque<Byte> bytes = new ArrayDeque<>();
    private final Thread pump;
    private volatile boolean closed;
    private boolean eof;

    ReaderInputStream(NonBlockingReader reader, Charset charset) {
        this.reader = reader;
        this.charset = charset;
        this.pump = Thread.ofPlatform().daemon().name("jimeng-panel-keys").start(this::pump);
    }

    private void pump() {
        try {
            while (!closed) {
                int c = reader.peek(POLL_MILLIS);
                if (c == NonBlockingReader.EOF) {
                    break;
                }
                if (c < 0 || closed) {
                    continue; // timed out, or closing: leave the key to JLine
                }
                c = reader.read(POLL_MILLIS);
                if (c < 0) {
                    continue;
                }
                // what arrived with it goes over in the same step: an arrow key's ESC [ C handed
                // over alone reads as Esc, which closes the panel
                StringBuilder chars = new StringBuilder().append((char) c);
                while (reader.available() > 0 || Character.isHighSurrogate(chars.charAt(chars.length() - 1))) {
                    int next = reader.read(POLL_MILLIS);
                    if (next < 0) {
                        break;
                    }
                    chars.append((char) next);
                }
                ByteBuffer encoded = charset.encode(CharBuffer.wrap(chars));
                synchronized (bytes) {
                    while (encoded.hasRemaining()) {
                        bytes.add(encoded.get());
                    }
                    bytes.notifyAll();
                }
            }
        } catch (InterruptedIOException e) {
            // closing
        } catch (IOException e) {
            // the terminal is gone: report end of input
        } finally {
            synchronized (bytes) {
                eof = true;
                bytes.notifyAll();
            }
        }
    }

    @Override
    public int available() {
        synchronized (bytes) {
            // at the end, claim one byte so Lanterna reads and sees -1 (and the panel closes)
            return bytes.isEmpty() && eof && !closed ? 1 : bytes.size();
        }
    }

    @Override
    public int read() throws IOException {
        synchronized (bytes) {
            waitForBytes();
            Byte b = bytes.poll();
            return b == null ? -1 : b & 0xff;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        synchronized (bytes) {
            waitForBytes();
            if (bytes.isEmpty()) {
                return -1;
            }
            int n = 0;
            while (n < len && !bytes.isEmpty()) {
                b[off + n++] = bytes.poll();
            }
            return n;
        }
    }

    private void waitForBytes() throws InterruptedIOException {
        while (bytes.isEmpty() && !eof && !closed) {
            try {
                bytes.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a key");
            }
        }
    }

    /**
     * After {@link #close()}: what the pump took from JLine that was not read, as characters (a key
     * typed while the panel was closing), so that the shell can read it next.
     */
    String unread() {
        synchronized (bytes) {
            byte[] left = new byte[bytes.size()];
            for (int i = 0; i < left.length; i++) {
                left[i] = bytes.poll();
            }
            return new String(left, charset);
        }
    }

    /** Stops the pump and waits for it, so JLine's reader is the shell's alone again. */
    @Override
    public void close() {
        closed = true;
        synchronized (bytes) {
            bytes.notifyAll();
        }
        try {
            pump.join(Math.max(1000, POLL_MILLIS * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
