package dev.jimeng.app;

import java.nio.file.Path;

/**
 * Where a job's video is saved: a file the user named, or a folder where jimeng names it after
 * the task id (known only after submit) and the prompt.
 */
public record Destination(Path directory, Path file) {
    public static Destination inDirectory(Path directory) {
        return new Destination(directory.toAbsolutePath().normalize(), null);
    }

    public static Destination file(Path file) {
        return new Destination(null, file.toAbsolutePath().normalize());
    }

    /** The path to download to; never an existing file. */
    public Path pathFor(String taskId, String prompt) {
        return file != null ? file : OutputNaming.uniquePath(directory, taskId, prompt);
    }
}
