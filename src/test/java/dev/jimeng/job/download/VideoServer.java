package dev.jimeng.job.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 that serves one MP4-looking file like a CDN would (Range, 206,
 * 416), with switches to misbehave: drop responses early, stall, answer 5xx/429, expire a URL token,
 * or ignore Range. Every request is recorded.
 */
final class VideoServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request as the server saw it, with how many body bytes it actually wrote. */
    record Served(String token, String range, int status, long bodyBytes) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Served> served = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger truncations = new AtomicInteger();
    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final CountDownLatch releaseStalls = new CountDownLatch(1);
    private volatile byte[] content;
    private volatile long truncateAfter;
    private volatile long stallAfter;
    private volatile int failureStatus;
    private volatile String retryAfter;
    private volatile String failureBody = "try again later";
    private volatile boolean ignoreRange;

    private VideoServer(byte[] content) throws IOException {
        this.content = content;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static VideoServer serving(byte[] content) throws IOException {
        return new VideoServer(content);
    }

    /** A file that starts with a valid 32-byte {@code ftyp} box, then pseudo-random bytes. */
    static byte[] mp4Like(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        ByteBuffer box = ByteBuffer.wrap(bytes);
        box.putInt(32).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200);
        box.put(ascii("isom")).put(ascii("iso2")).put(ascii("avc1")).put(ascii("mp41"));
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A signed-looking URL: the token and signature are what must never show up in messages. */
    URI url(String token) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/videos/clip.mp4?token=" + token
                + "&X-Signature=sig-" + token);
    }

    void serve(byte[] newContent) {
        content = newContent;
    }

    /** The next {@code count} bodies end (connection closed) after {@code afterBytes} bytes. */
    void truncateNext(int count, long afterBytes) {
        truncateAfter = afterBytes;
        truncations.set(count);
    }

    /** The next {@code count} bodies stop sending after {@code afterBytes} bytes, until the server closes. */
    void stallNext(int count, long afterBytes) {
        stallAfter = afterBytes;
        stalls.set(count);
    }

    /** The next {@code count} requests get {@code status} (e.g. 500 or 429). */
    void failNext(int count, int status) {
        failNext(count, status, null);
    }

    void failNext(int count, int status, String retryAfterHeader) {
        failNext(count, status, retryAfterHeader, "try again later");
    }

    void failNext(int count, int status, String retryAfterHeader, String body) {
        failureStatus = status;
        retryAfter = retryAfterHeader;
        failureBody = body;
        failures.set(count);
    }

    /** Requests with this token get 403 "Request has expired", like an object store's signed URL. */
    void expire(String token) {
        expiredTokens.add(token);
    }

    void ignoreRange(boolean ignore) {
        ignoreRange = ignore;
    }

    List<Served> served() {
        return List.copyOf(served);
    }

    long bodyBytesSent() {
        return served().stream().mapToLong(Served::bodyBytes).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String token = tokenOf(exchange.getRequestURI());
        String range = exchange.getRequestHeaders().getFirst("Range");
        try (exchange) {
            if (expiredTokens.contains(token)) {
                answer(exchange, token, range, 403, "Request has expired");
            } else if (takeOne(failures)) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                answer(exchange, token, range, failureStatus, failureBody);
            } else {
                sendContent(exchange, token, range);
            }
        }
    }

    private void sendContent(HttpExchange exchange, String token, String range) throws IOException {
        byte[] bytes = content;
        long start = 0;
        int status = 200;
        Matcher wanted = range == null ? null : RANGE.matcher(range);
        if (wanted != null && wanted.matches() && !ignoreRange) {
            start = Long.parseLong(wanted.group(1));
            if (start >= bytes.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                served.add(new Served(token, range, 416, 0));
                return;
            }
            status = 206;
            exchange.getResponseHeaders()
                    .set("Content-Range", "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        long length = bytes.length - start;
        exchange.getResponseHeaders().set("Content-Type", "video/mp4");
        exchange.sendResponseHeaders(status, length);
        OutputStream body = exchange.getResponseBody();
        if (takeOne(truncations)) {
            long sent = Math.min(truncateAfter, length);
            body.write(bytes, (int) start, (int) sent);
            body.flush();
            served.add(new Served(token, range, status, sent));
            // Throwing from the handler makes the server close the connection mid-body.
            throw new IOException("test server: truncated on purpose");
        }
        if (takeOne(stalls)) {
            long sent = Math.min(stallAfter, length);
            body.write(bytes, (int) start, (int) sent);
            body.flush();
            served.add(new Served(token, range, status, sent));
            awaitRelease();
            throw new IOException("test server: stalled on purpose");
        }
        served.add(new Served(token, range, status, length));
        body.write(bytes, (int) start, (int) length);
    }

    private void answer(HttpExchange exchange, String token, String range, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        served.add(new Served(token, range, status, 0));
    }

    private void awaitRelease() {
        try {
            releaseStalls.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private static String tokenOf(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return pair.substring("token=".length());
            }
        }
        return "";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        releaseStalls.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
