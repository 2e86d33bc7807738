package dev.jimeng.job.download;

import java.nio.file.Path;

/**
 * The bytes arrived but are not the video: wrong length or not an MP4. They are moved aside to
 * {@link #rejectedFile()} (never onto the target) so the next call starts clean.
 */
public final class DownloadVerificationException extends DownloadException {
    private final transient Path rejectedFile;

    DownloadVerificationException(String message, Path rejectedFile) {
        super(message, null);
        this.rejectedFile = rejectedFile;
    }

    public Path rejectedFile() {
        return rejectedFile;
    }
}
