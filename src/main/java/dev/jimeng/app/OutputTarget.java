package dev.jimeng.app;

import dev.jimeng.config.JimengPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an explicit --output before anything is sent, so a bad path costs nothing. */
public final class OutputTarget {
    private OutputTarget() {}

    /**
     * Where a job's video goes. Without --output: the default folder. A folder means "name it
     * there"; an existing file is refused rather than overwritten.
     */
    public static Destination resolve(Path output, Path workingDirectory, Path defaultDirectory) {
        if (output == null) {
            return Destination.inDirectory(defaultDirectory);
        }
        Path path = JimengPaths.expand(output.toString(), Path.of(System.getProperty("user.home")), workingDirectory);
        if (Files.isDirectory(path) || output.toString().endsWith("/")) {
            return Destination.inDirectory(path);
        }
        if (Files.exists(path)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--output " + output + " already exists: choose another file name or delete it first");
        }
        if (!path.getFileName().toString().toLowerCase().endsWith(".mp4")) {
            throw new UserError(
                    ExitCode.BAD_INPUT, "--output " + output + " must end in .mp4 (the API makes MP4 videos)");
        }
        Path parent = path.getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserError(ExitCode.BAD_INPUT, "--output " + output + ": " + parent + " is not a folder");
        }
        return Destination.file(path);
    }
}
