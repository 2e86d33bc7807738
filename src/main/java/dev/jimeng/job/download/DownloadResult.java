package dev.jimeng.job.download;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A verified video in its final place.
 *
 * @param file the target path
 * @param bytes its length
 * @param sha256 lowercase hex SHA-256 of the whole file
 * @param attempts HTTP requests this call needed (1 for a clean download)
 * @param elapsed time from the call to the rename, back-off included
 */
public record DownloadResult(Path file, long bytes, String sha256, int attempts, Duration elapsed) {}
