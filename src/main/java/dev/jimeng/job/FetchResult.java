package dev.jimeng.job;

/**
 * A finished download.
 *
 * @param bytes bytes now in the target file
 * @param declaredLength what the server announced (Content-Length / Content-Range total), -1 when
 *     unknown; the engine checks the file against it
 */
public record FetchResult(long bytes, long declaredLength) {}
