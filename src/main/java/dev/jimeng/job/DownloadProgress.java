package dev.jimeng.job;

/** Progress of one download: bytes so far and the total, -1 when the server did not say. */
@FunctionalInterface
public interface DownloadProgress {
    void update(long bytesSoFar, long totalBytes);
}
