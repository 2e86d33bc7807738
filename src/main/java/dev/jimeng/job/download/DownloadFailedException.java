package dev.jimeng.job.download;

/**
 * The download stopped: retries ran out, the server refused the request for a reason other than an
 * expired URL, or the partial file could not be written.
 */
public final class DownloadFailedException extends DownloadException {
    private final boolean retryable;
    private final boolean discardPart;

    DownloadFailedException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, cause, false);
    }

    private DownloadFailedException(String message, boolean retryable, Throwable cause, boolean discardPart) {
        super(message, cause);
        this.retryable = retryable;
        this.discardPart = discardPart;
    }

    /** A video too big for its limit or for the disk: final, and its partial file is removed. */
    static DownloadFailedException tooBig(String message) {
        return new DownloadFailedException(message, false, null, true);
    }

    /** True when the partial file is worthless (a video past its limit) and was removed. */
    boolean discardPart() {
        return discardPart;
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
