package dev.jimeng.job;

import java.net.URI;
import java.nio.file.Path;

/**
 * Downloads a finished video. The engine needs only this from the downloader; the implementation
 * may resume a partial file. The URL is signed and secret: an implementation must not put it (or
 * its query) into exception messages.
 */
@FunctionalInterface
public interface VideoFetcher {
    /**
     * Downloads {@code url} into {@code target} (complete when this returns).
     *
     * @param progress called now and then with bytes so far and the total (-1 when unknown)
     * @throws FetchException with {@link FetchException.Kind#URL_EXPIRED} when the URL no longer
     *     works (403/410, expired signature), TRANSIENT when trying again may help, FATAL otherwise
     */
    FetchResult fetch(URI url, Path target, DownloadProgress progress) throws FetchException, InterruptedException;

    /**
     * Like {@link #fetch(URI, Path, DownloadProgress)}, but stops with a FATAL {@link FetchException}
     * (and no partial file) once the video grows past {@code maxBytes}. An implementation without a
     * limit of its own ignores it.
     */
    default FetchResult fetch(URI url, Path target, long maxBytes, DownloadProgress progress)
            throws FetchException, InterruptedException {
        return fetch(url, target, progress);
    }
}
