package dev.jimeng.job.download;

/**
 * The link served something that is not an MP4 (an HTML sign-in or error page, JSON, text): found
 * from its Content-Type or its first bytes, before more than one buffer of it was read. Retrying the
 * same link gives the same page, so nothing is retried; no partial file is left.
 */
public final class DownloadNotVideoException extends DownloadException {
    DownloadNotVideoException(String message) {
        super(message, null);
    }
}
