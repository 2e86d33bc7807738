package dev.jimeng.store;

import java.nio.file.Path;

/**
 * Fields written together with a state change. The error fields are always written (null clears
 * them: a note like "server busy" does not outlive its state); the output fields only when not
 * null / not negative.
 */
public record JobChanges(String errorCode, String errorMessage, Path outputPath, long bytes, String sha256) {
    public static JobChanges none() {
        return new JobChanges(null, null, null, -1, null);
    }

    public static JobChanges error(String code, String message) {
        return new JobChanges(code, message, null, -1, null);
    }

    public static JobChanges output(Path path) {
        return new JobChanges(null, null, path, -1, null);
    }

    public static JobChanges verified(Path path, long bytes, String sha256) {
        return new JobChanges(null, null, path, bytes, sha256);
    }
}
