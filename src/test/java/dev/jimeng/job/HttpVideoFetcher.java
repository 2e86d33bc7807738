package dev.jimeng.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A plain (not resumable) downloader for engine tests; the product uses the real Downloader. */
final class HttpVideoFetcher implements VideoFetcher {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public FetchResult fetch(URI url, Path target, DownloadProgress progress)
            throws FetchException, InterruptedException {
        try {
            HttpResponse<InputStream> response =
                    client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream in = response.body()) {
                if (status == 403 || status == 410) {
                    throw new FetchException(FetchException.Kind.URL_EXPIRED, status, "HTTP " + status);
                }
                if (status >= 500) {
                    throw new FetchException(FetchException.Kind.TRANSIENT, status, "HTTP " + status);
                }
                if (status != 200) {
                    throw new FetchException(FetchException.Kind.FATAL, status, "HTTP " + status);
                }
                long total =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                Files.createDirectories(target.getParent());
                long written = 0;
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[32 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        written += n;
                        progress.update(written, total);
                    }
                }
                return new FetchResult(written, total);
            }
        } catch (IOException e) {
            // never e.getMessage(): it may quote the signed URL
            throw new FetchException(
                    FetchException.Kind.TRANSIENT,
                    0,
                    "connection failed: " + e.getClass().getSimpleName());
        }
    }
}
