package dev.jimeng.app;

import dev.jimeng.config.JimengPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns --output (or its absence) into a {@link Destination}; {@link OutputCheck} then checks it
 * before anything is sent, so a bad path costs nothing.
 */
public final class OutputTarget {
    private OutputTarget() {}

    /**
     * Where a job's video goes. Without --output: the default folder. A folder means "name it
     * there"; an existing file is refused rather than overwritten.
     */
    public static Destination resolve(Path output, Path workingDirectory, Path defaultDirectory) {
        return resolve(output == null ? null : output.toString(), workingDirectory, defaultDirectory);
    }

    /**
     * As {@link #resolve(Path, Path, Path)}, from the text as typed: a trailing slash (which a
     * {@link Path} drops) means a folder, made if need be, the video named there as usual.
     */
    public static Destination resolve(String output, Path workingDirectory, Path defaultDirectory) {
        if (output == null) {
            return Destination.inDirectory(defaultDirectory);
        }
        Path path = JimengPaths.expand(output, JimengPaths.processUserHome(), workingDirectory);
        boolean typedAsFolder = output.endsWith("/") || output.endsWith(java.io.File.separator);
        if (Files.isDirectory(path) && !typedAsFolder && isVideoName(path)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--output " + output + " is a folder, not a video file: name a file that does not exist yet,"
                            + " or write " + output + "/ to save in that folder");
        }
        if (Files.isDirectory(path) || typedAsFolder) {
            return Destination.inDirectory(path);
        }
        if (Files.exists(path)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--output " + output + " already exists: choose another file name or delete it first");
        }
        if (!isVideoName(path)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--output " + output + " must end in .mp4 (the API makes MP4 videos), or in / to save in"
                            + " that folder under the usual name");
        }
        Path parent = path.getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserError(ExitCode.BAD_INPUT, "--output " + output + ": " + parent + " is not a folder");
        }
        return Destination.file(path);
    }

    /** A name that ends in .mp4: what a video file is called, and what a journaled file target ends in. */
    static boolean isVideoName(Path path) {
        return path.getFileName() != null
                && path.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".mp4");
    }
}
