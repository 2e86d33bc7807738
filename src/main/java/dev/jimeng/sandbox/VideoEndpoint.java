package dev.jimeng.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET|HEAD /videos/<taskId>.mp4?X-Expires=…&X-Signature=…}: the signed, expiring video URL,
 * like an object store's. Supports single byte ranges, and truncates downloads on request.
 */
final class VideoEndpoint {
    private static final Pattern PATH = Pattern.compile("/videos/(\\d+)\\.mp4");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Clock clock;
    private final TaskBoard tasks;
    private final VideoLibrary videos;
    private final VideoUrlSigner urls;
    private final SandboxFaults faults;

    VideoEndpoint(Clock clock, TaskBoard tasks, VideoLibrary videos, VideoUrlSigner urls, SandboxFaults faults) {
        this.clock = clock;
        this.tasks = tasks;
        this.videos = videos;
        this.urls = urls;
        this.faults = faults;
    }

    /**
     * Answers the exchange and returns the HTTP status sent. When a truncation fault applies, the
     * caller must close the exchange without closing the body stream: that drops the connection.
     */
    int handle(HttpExchange exchange, Map<String, String> query) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return xmlError(exchange, 405, "MethodNotAllowed", "Use GET or HEAD.");
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return xmlError(exchange, 404, "NoSuchKey", "The specified key does not exist.");
        }
        String taskId = path.group(1);
        long expires;
        try {
            expires = Long.parseLong(query.getOrDefault("X-Expires", ""));
        } catch (NumberFormatException e) {
            return xmlError(exchange, 403, "AccessDenied", "Request is missing X-Expires.");
        }
        if (!urls.valid(taskId, expires, query.get("X-Signature"))) {
            return xmlError(exchange, 403, "AccessDenied", "The request signature does not match.");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() > expires) {
            return xmlError(exchange, 403, "AccessDenied", "Request has expired");
        }
        Optional<SandboxTask> task = tasks.find(taskId);
        if (task.isEmpty() || task.get().failsOutputReview() || tasks.status(task.get(), now) != ServedStatus.DONE) {
            return xmlError(exchange, 404, "NoSuchKey", "The specified key does not exist.");
        }
        Path file = videos.await(task.get().video());
        return serve(exchange, file, method.equals("HEAD"));
    }

    private int serve(HttpExchange exchange, Path file, boolean head) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long start = 0;
            long end = length - 1;
            int status = 200;
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "video/mp4");
            headers.set("Accept-Ranges", "bytes");
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null) {
                Matcher m = RANGE.matcher(range.trim());
                if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                    if (m.group(1).isEmpty()) { // bytes=-N: the last N bytes
                        start = Math.max(0, length - Long.parseLong(m.group(2)));
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
                    }
                    if (start >= length || start > end) {
                        headers.set("Content-Range", "bytes */" + length);
                        exchange.sendResponseHeaders(416, -1);
                        return 416;
                    }
                    status = 206;
                    headers.set("Content-Range", "bytes " + start + "-" + end + "/" + length);
                }
                // anything else (several ranges, another unit) is ignored: the whole file, 200
            }
            long count = end - start + 1;
            if (head) {
                headers.set("Content-Length", Long.toString(count));
                exchange.sendResponseHeaders(status, -1);
                return status;
            }
            OptionalLong truncation = faults.takeTruncation();
            exchange.sendResponseHeaders(status, count);
            long toSend = truncation.isPresent() ? Math.min(count, truncation.getAsLong()) : count;
            copy(channel, start, toSend, exchange.getResponseBody());
            return status;
        }
    }

    private static void copy(FileChannel channel, long position, long count, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long sent = 0;
        while (sent < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - sent));
            int read = channel.read(buffer, position + sent);
            if (read < 0) {
                break;
            }
            out.write(buffer.array(), 0, read);
            sent += read;
        }
        out.flush();
    }

    private static int xmlError(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        return status;
    }
}
