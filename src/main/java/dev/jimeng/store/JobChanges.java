package dev.jimeng.store;

import dev.jimeng.text.SecretText;
import java.nio.file.Path;

/**
 * Fields written together with a state change. The stop reason and error fields are always written
 * (null clears them: a note like "server busy" does not outlive its state); the output fields only when not
 * null / not negative.
 */
public record JobChanges(
        StopReason stopReason, String errorCode, String errorMessage, Path outputPath, long bytes, String sha256) {
    /** Error texts are built from server answers and URLs: no signed query or token reaches the journal. */
    public JobChanges {
        errorMessage = SecretText.scrub(errorMessage);
        errorCode = SecretText.scrub(errorCode);
    }

    public static JobChanges none() {
        return new JobChanges(null, null, null, null, -1, null);
    }

    /** A note that goes with a state the job is still moving through (e.g. "server busy"). */
    public static JobChanges note(String code, String message) {
        return new JobChanges(null, code, message, null, -1, null);
    }

    /** Why the job stopped, with the error code and one line of what happened. */
    public static JobChanges stopped(StopReason reason, String code, String message) {
        return new JobChanges(reason, code, message, null, -1, null);
    }

    public static JobChanges output(Path path) {
        return new JobChanges(null, null, null, path, -1, null);
    }

    public static JobChanges verified(Path path, long bytes, String sha256) {
        return new JobChanges(null, null, null, path, bytes, sha256);
    }
}
