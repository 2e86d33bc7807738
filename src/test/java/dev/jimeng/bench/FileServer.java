package dev.jimeng.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves one file with its Content-Length at {@code /video.mp4} on 127.0.0.1, like a CDN would (no ranges),
 * in a process of its own so that the client being measured does not share its CPU with the server.
 * Needs only the JDK: {@link #start(Path)} runs {@link #main} from this class's folder.
 */
final class FileServer implements AutoCloseable {
    private final Process process;
    private final URI url;

    private FileServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static FileServer start(Path file) throws IOException {
        Path classes;
        try {
            classes = Path.of(FileServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Process process = new ProcessBuilder(List.of(
                        MemoryRun.javaBinary("java").toString(),
                        "-cp",
                        classes.toString(),
                        FileServer.class.getName(),
                        file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String port =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (port == null) {
            process.destroyForcibly();
            throw new IOException("the file server did not start");
        }
        return new FileServer(process, URI.create("http://127.0.0.1:" + port.strip() + "/video.mp4"));
    }

    URI url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Serves {@code args[0]} and prints the port; runs until killed. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/video.mp4", exchange -> serve(exchange, file));
        http.start();
        System.out.println(http.getAddress().getPort());
        System.out.flush();
    }

    private static void serve(HttpExchange exchange, Path file) throws IOException {
        try (exchange;
                InputStream in = Files.newInputStream(file)) {
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, Files.size(file));
            OutputStream body = exchange.getResponseBody();
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                body.write(buffer, 0, n);
            }
            body.close();
        }
    }
}
