package dev.jimeng.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A relay in front of the sandbox that makes its {@code Date} header run {@code skew} ahead (or
 * behind), so a client's clock-skew check can be tested. The JDK's HTTP server always writes the
 * real time into {@code Date}, so this is done on the wire: each answer's header block is rewritten
 * and marked {@code Connection: close} (a connection carries one answer, whose header is the only
 * one to rewrite); every other byte passes unchanged, so signatures stay valid.
 */
final class SkewedDateFront implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int targetPort;
    private final Clock clock;
    private final Duration skew;

    SkewedDateFront(int port, int targetPort, Clock clock, Duration skew) throws IOException {
        this.targetPort = targetPort;
        this.clock = clock;
        this.skew = skew;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
        Thread.ofVirtual().name("sandbox-skewed-date").start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pipe(client, server, false));
                Thread.ofVirtual().start(() -> pipe(server, client, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean answer) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            if (answer) {
                out.write(rewritten(headerBlock(in)));
                out.flush();
            }
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The status line and headers, up to and including the blank line. */
    private static String headerBlock(InputStream in) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < END_OF_HEADERS.length && (b = in.read()) != -1) {
            block.write(b);
            matched = b == END_OF_HEADERS[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return block.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] rewritten(String headers) {
        String date = "Date: " + HTTP_DATE.format(clock.instant().plus(skew));
        String out = headers.replaceAll("(?im)^(Date|Connection):[^\r\n]*\r\n", "");
        int end = out.lastIndexOf("\r\n\r\n");
        if (end < 0) {
            return headers.getBytes(StandardCharsets.ISO_8859_1);
        }
        out = out.substring(0, end + 2) + date + "\r\nConnection: close\r\n\r\n";
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
