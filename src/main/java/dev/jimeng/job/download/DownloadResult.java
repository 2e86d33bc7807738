package dev.jimeng.job.download;

import dev.jimeng.job.FileHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A verified video in its final place (its length and MP4 structure checked, its bytes forced to
 * disk).
 *
 * @param file the target path
 * @param bytes its length
 * @param attempts HTTP requests this call needed (1 for a clean download)
 * @param elapsed time from the call to the rename, back-off included
 */
public record DownloadResult(Path file, long bytes, int attempts, Duration elapsed) {
    /**
     * Lowercase hex SHA-256 of the whole file, read from disk now: not part of the download, so a
     * caller that needs it pays for it when (and on whichever thread) it chooses.
     */
    public String sha256() {
        try {
            return FileHash.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
