package dev.jimeng.job.download;

/**
 * Why a download did not end in a verified file. Messages are one line and name URLs only in their
 * redacted form; a partial file is kept in every case so a later call can resume it.
 */
public abstract sealed class DownloadException extends Exception
        permits DownloadUrlExpiredException,
                DownloadFailedException,
                DownloadVerificationException,
                DownloadNotVideoException,
                DownloadTargetExistsException {

    DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
