package dev.jimeng.job;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 serving fake MP4 bytes at {@code /v/<taskId>?...}. It can treat
 * the first signed URL of every task as expired (403), like a URL older than one hour.
 */
final class VideoServer implements AutoCloseable {
    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger expiredAnswers = new AtomicInteger();
    volatile boolean firstUrlExpired;
    volatile int videoBytes = 300_000;

    VideoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v/", exchange -> {
            requests.incrementAndGet();
            String taskId = exchange.getRequestURI().getPath().substring("/v/".length());
            String query = exchange.getRequestURI().getQuery();
            if (firstUrlExpired && query != null && query.endsWith("-v1")) {
                expiredAnswers.incrementAndGet();
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
                return;
            }
            byte[] body = video(taskId, videoBytes);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static byte[] video(String taskId, int size) {
        byte[] bytes = new byte[size];
        new Random(taskId.hashCode()).nextBytes(bytes);
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
