package dev.jimeng.job;

/**
 * A finished download.
 *
 * @param bytes bytes now in the target file
 * @param declaredLength what the server announced (Content-Length / Content-Range total), -1 when
 *     unknown; the engine checks the file against it
 * @param sha256 hex SHA-256 of the file when the fetcher already has it, else null (the engine
 *     hashes the file after journaling the job DONE)
 */
public record FetchResult(long bytes, long declaredLength, String sha256) {
    public FetchResult(long bytes, long declaredLength) {
        this(bytes, declaredLength, null);
    }
}
