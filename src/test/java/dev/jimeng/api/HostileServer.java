package dev.jimeng.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving HTTP/1.1 server on 127.0.0.1 for tests, written on a raw {@link ServerSocket} so it
 * can do what a well-behaved server library would not: stall before or after the headers, stream an
 * answer of hundreds of MiB (from one small buffer, never held in memory), serve a video that never
 * ends, or an HTML page where an MP4 belongs. Every answer closes its connection; stalls last until
 * {@link #close()}. It counts the requests and the body bytes it managed to send, which bounds what a
 * client can have buffered.
 */
public final class HostileServer implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(HostileServer server, String requestLine, OutputStream out) throws IOException;
    }

    private static final byte[] FILLER = filler(64 * 1024);

    private final ServerSocket socket;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("hostile-accept").start(this::acceptLoop);
    }

    public static HostileServer start(Behaviour behaviour) throws IOException {
        return new HostileServer(behaviour);
    }

    public void behave(Behaviour next) {
        this.behaviour = next;
    }

    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    public URI baseUrl() {
        return url("/");
    }

    public int requests() {
        return requests.get();
    }

    /** Body bytes written so far: a client cannot hold more of an answer than this. */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    // ---- behaviours ----

    /** Reads the request and never answers. */
    public static Behaviour stallBeforeHeaders() {
        return (server, request, out) -> server.stall();
    }

    /** Sends the headers of a JSON answer and a few bytes of its body, then stalls. */
    public static Behaviour headersThenStall() {
        return (server, request, out) -> {
            out.write(headers(200, "application/json", 1000));
            server.body(out, "{\"code\":10000,".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            server.stall();
        };
    }

    /**
     * A JSON-looking answer of {@code bytes} bytes, streamed from one small buffer; with {@code
     * announced} false it has no Content-Length and ends when the connection closes.
     */
    public static Behaviour hugeAnswer(long bytes, boolean announced) {
        return (server, request, out) -> {
            out.write(headers(200, "application/json", announced ? bytes : -1));
            byte[] prefix = "{\"code\":10000,\"data\":{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
            server.body(out, prefix);
            server.stream(out, bytes - prefix.length);
        };
    }

    /** A video/mp4 answer that starts like an MP4 and never ends (no length, no end). */
    public static Behaviour endlessVideo() {
        return (server, request, out) -> {
            out.write(headers(200, "video/mp4", -1));
            server.body(out, ftypBox());
            server.stream(out, Long.MAX_VALUE);
        };
    }

    /** A video/mp4 answer whose announced length is {@code bytes}, a real-looking start, then filler. */
    public static Behaviour videoOf(long bytes) {
        return (server, request, out) -> {
            out.write(headers(200, "video/mp4", bytes));
            byte[] head = ftypBox();
            server.body(out, head);
            server.stream(out, bytes - head.length);
        };
    }

    /** An HTML page (a CDN's login or error page) where the video should be, labelled {@code contentType}. */
    public static Behaviour htmlPage(String contentType) {
        return (server, request, out) -> {
            byte[] page = ("<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
                            + "<p>Please sign in to continue.</p></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.write(headers(200, contentType, page.length));
            server.body(out, page);
        };
    }

    /** The start of a minimal MP4: a 24-byte {@code ftyp} box. */
    public static byte[] ftypBox() {
        byte[] box = new byte[24];
        box[3] = 24;
        System.arraycopy("ftypisom".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 8);
        System.arraycopy("isomavc1".getBytes(StandardCharsets.US_ASCII), 0, box, 16, 8);
        return box;
    }

    // ---- plumbing ----

    private static byte[] headers(int status, String contentType, long length) {
        StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " OK\r\n");
        h.append("Content-Type: ").append(contentType).append("\r\n");
        if (length >= 0) {
            h.append("Content-Length: ").append(length).append("\r\n");
        }
        h.append("Connection: close\r\n\r\n");
        return h.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void body(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        bodyBytesSent.addAndGet(bytes.length);
    }

    /** Writes {@code count} filler bytes, or until the client goes away or the server closes. */
    private void stream(OutputStream out, long count) throws IOException {
        long left = count;
        while (left > 0 && closed.getCount() > 0) {
            int n = (int) Math.min(FILLER.length, left);
            out.write(FILLER, 0, n);
            bodyBytesSent.addAndGet(n);
            left -= n;
        }
        out.flush();
    }

    private void stall() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.add(client);
                Thread.ofVirtual().name("hostile-conn").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            String requestLine = readRequest(client.getInputStream());
            if (requestLine == null) {
                return;
            }
            requests.incrementAndGet();
            OutputStream out = client.getOutputStream();
            behaviour.answer(this, requestLine, out);
            out.flush();
        } catch (IOException e) {
            // the client went away: that is what clients of a hostile server do
        } finally {
            connections.remove(client);
        }
    }

    /** Reads the request head and its body (by Content-Length); returns the request line. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        long length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).trim());
            }
        }
        in.skipNBytes(length);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
