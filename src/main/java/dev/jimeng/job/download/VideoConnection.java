package dev.jimeng.job.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One GET of a video from a byte offset, over the JDK's blocking {@link HttpURLConnection}: read in
 * the calling thread, it moves bytes as fast as curl, where the JDK HttpClient's asynchronous
 * pipeline manages about half of that (see the engine benchmark). A read that waits longer than the
 * read timeout fails with a {@link java.net.SocketTimeoutException}: that is how a stalled body is
 * told. An interrupt of a virtual thread blocked in a read closes the socket and fails the read.
 */
final class VideoConnection {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final HttpURLConnection connection;
    private final int status;

    private VideoConnection(HttpURLConnection connection, int status) {
        this.connection = connection;
        this.status = status;
    }

    /**
     * Sends the request and waits for the status and headers.
     *
     * @param proxies picks the proxy (its first choice is used); null: the JDK's default selector
     * @throws IOException connecting or reading the headers failed; its text may hold the URL
     */
    static VideoConnection open(URI url, long offset, ProxySelector proxies, Duration readTimeout) throws IOException {
        URL address = url.toURL();
        HttpURLConnection connection = (HttpURLConnection)
                (proxies == null ? address.openConnection() : address.openConnection(proxyFor(url, proxies)));
        connection.setConnectTimeout(millis(CONNECT_TIMEOUT));
        connection.setReadTimeout(millis(readTimeout)); // for the headers, then for each read of the body
        connection.setInstanceFollowRedirects(true); // only within one scheme: never from https to http
        connection.setUseCaches(false);
        connection.setRequestProperty("Accept", "*/*");
        if (offset > 0) {
            connection.setRequestProperty("Range", "bytes=" + offset + "-");
        }
        try {
            return new VideoConnection(connection, connection.getResponseCode());
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            throw e;
        }
    }

    private static Proxy proxyFor(URI url, ProxySelector proxies) {
        List<Proxy> choices = proxies.select(url);
        return choices == null || choices.isEmpty() ? Proxy.NO_PROXY : choices.getFirst();
    }

    /** Whole milliseconds, at least 1: HttpURLConnection takes 0 as "wait forever". */
    private static int millis(Duration timeout) {
        return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }

    /** The HTTP status, or -1 when the answer was not valid HTTP. */
    int status() {
        return status;
    }

    /** The named response header, or null. */
    String header(String name) {
        return connection.getHeaderField(name);
    }

    /** The Content-Length, or -1 when none was announced. */
    long contentLength() {
        return connection.getContentLengthLong();
    }

    /**
     * The body of a 2xx answer. When it has been read to its end the connection goes back to the
     * JDK's keep-alive pool; otherwise call {@link #disconnect()}.
     */
    InputStream body() throws IOException {
        return connection.getInputStream();
    }

    /**
     * Up to {@code limit} bytes of an error answer's body as text, or "" when there is none. Never
     * {@code getInputStream()} on an error status: its exception names the whole signed URL.
     */
    String errorText(int limit) {
        try (InputStream in = connection.getErrorStream()) {
            return in == null ? "" : new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Drops the connection: for a body not read to its end (refused, failed, stalled, interrupted). */
    void disconnect() {
        connection.disconnect();
    }
}
