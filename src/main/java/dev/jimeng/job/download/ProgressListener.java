package dev.jimeng.job.download;

/** Told how far a download has come; called on the downloading thread about every 64 KiB. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (bytes, total) -> {};

    /**
     * @param bytes bytes in the partial file so far, a resumed prefix included
     * @param total the full size when the server announced it, otherwise -1
     */
    void onProgress(long bytes, long total);
}
