package dev.jimeng.job.download;

/**
 * The signed URL is dead (HTTP 403/404/410 or an "expired" answer). Thrown at once, without retries:
 * the caller asks the API for a fresh URL and calls {@link Downloader#download} again with it, which
 * resumes the partial file.
 */
public final class DownloadUrlExpiredException extends DownloadException {
    private final int status;

    DownloadUrlExpiredException(String message, int status) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status the server answered. */
    public int status() {
        return status;
    }
}
