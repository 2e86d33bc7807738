package dev.jimeng.job.download;

import dev.jimeng.job.DownloadProgress;
import dev.jimeng.job.FetchException;
import dev.jimeng.job.FetchResult;
import dev.jimeng.job.VideoFetcher;
import java.net.URI;
import java.nio.file.Path;

/** The job engine's {@link VideoFetcher}, backed by the resumable {@link Downloader}. */
public final class DownloaderFetcher implements VideoFetcher {
    private final Downloader downloader;

    public DownloaderFetcher(Downloader downloader) {
        this.downloader = downloader;
    }

    @Override
    public FetchResult fetch(URI url, Path target, DownloadProgress progress)
            throws FetchException, InterruptedException {
        return fetch(url, target, Long.MAX_VALUE, progress);
    }

    @Override
    public FetchResult fetch(URI url, Path target, long maxBytes, DownloadProgress progress)
            throws FetchException, InterruptedException {
        try {
            DownloadResult result = downloader.download(url, target, maxBytes, progress::update);
            return new FetchResult(result.bytes(), result.bytes()); // hashed by the engine, after DONE
        } catch (DownloadUrlExpiredException e) {
            throw new FetchException(FetchException.Kind.URL_EXPIRED, e.status(), e.getMessage(), e);
        } catch (DownloadFailedException e) {
            throw new FetchException(
                    e.retryable() ? FetchException.Kind.TRANSIENT : FetchException.Kind.FATAL, 0, e.getMessage(), e);
        } catch (DownloadNotVideoException e) {
            throw new FetchException(FetchException.Kind.NOT_VIDEO, 0, e.getMessage(), e);
        } catch (DownloadVerificationException e) {
            // The rejected bytes were set aside: the next attempt starts clean.
            throw new FetchException(FetchException.Kind.TRANSIENT, 0, e.getMessage(), e);
        } catch (DownloadException e) { // the target exists: never overwritten
            throw new FetchException(FetchException.Kind.FATAL, 0, e.getMessage(), e);
        }
    }
}
