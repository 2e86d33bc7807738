package dev.jimeng.job.download;

/**
 * The download stopped: retries ran out, the server refused the request for a reason other than an
 * expired URL, or the partial file could not be written.
 */
public final class DownloadFailedException extends DownloadException {
    private final boolean retryable;

    DownloadFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    DownloadFailedException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /**
     * True when the failure was the network or the server being unwell (drops, 5xx, 429): calling
     * again later with the same URL resumes the partial file. False for answers that will not change.
     */
    public boolean retryable() {
        return retryable;
    }
}
