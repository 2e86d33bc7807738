package dev.jimeng.job.download;

import java.nio.file.Path;

/**
 * Something already exists at the target path; the downloader never overwrites it. When thrown after
 * a download, the verified bytes stay in the partial file.
 */
public final class DownloadTargetExistsException extends DownloadException {
    private final transient Path target;

    DownloadTargetExistsException(String message, Path target) {
        super(message, null);
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
