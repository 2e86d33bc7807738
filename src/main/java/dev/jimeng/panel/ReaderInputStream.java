package dev.jimeng.panel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import org.jline.utils.NonBlockingReader;

/**
 * JLine's reader as a byte stream for Lanterna, with a truthful {@link #available()}. Lanterna's
 * input decoder only reads when {@code available() > 0}; JLine's own streams always say 0, so keys
 * would never arrive. Here a short {@code peek} on JLine's reader answers the question.
 */
final class ReaderInputStream extends InputStream {
    /** How long {@link #available()} waits for a key; keeps {@code pollInput()} cheap. */
    private static final long PEEK_MILLIS = 1;

    private final NonBlockingReader reader;
    private final Charset charset;
    private ByteBuffer pending = ByteBuffer.allocate(0);

    ReaderInputStream(NonBlockingReader reader, Charset charset) {
        this.reader = reader;
        this.charset = charset;
    }

    @Override
    public int available() throws IOException {
        if (pending.hasRemaining()) {
            return pending.remaining();
        }
        return reader.peek(PEEK_MILLIS) >= 0 ? 1 : 0;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = 0;
        while (n < len) {
            if (!pending.hasRemaining() && (reader.peek(PEEK_MILLIS) < 0 || !fill())) {
                break;
            }
            int chunk = Math.min(len - n, pending.remaining());
            pending.get(b, off + n, chunk);
            n += chunk;
        }
        return n;
    }

    /** Makes sure encoded bytes are pending, blocking for one character if needed. */
    private boolean fill() throws IOException {
        if (pending.hasRemaining()) {
            return true;
        }
        int c = reader.read();
        if (c < 0) {
            return false;
        }
        CharBuffer chars;
        if (Character.isHighSurrogate((char) c)) {
            int low = reader.read(PEEK_MILLIS * 10);
            chars = low >= 0
                    ? CharBuffer.wrap(new char[] {(char) c, (char) low})
                    : CharBuffer.wrap(new char[] {(char) c});
        } else {
            chars = CharBuffer.wrap(new char[] {(char) c});
        }
        pending = charset.encode(chars);
        return pending.hasRemaining();
    }
}
