package dev.jimeng.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The one check of where a video will be saved, made before anything is sent so that a place
 * jimeng cannot save to costs nothing: the folder exists or can be made, is a folder, can be
 * written (a probe file is created and deleted) and has room for the expected size; a file target
 * is not a link to nowhere. It leaves nothing behind: folders it had to make are removed again.
 * Every problem is a {@link UserError} (bad input) of one line: what is wrong and what to do.
 */
public final class OutputCheck {
    private static final String FIX = "choose another place with --output PATH or 'set output-dir DIR'";

    private final ToLongFunction<Path> usableSpace;

    OutputCheck(ToLongFunction<Path> usableSpace) {
        this.usableSpace = usableSpace;
    }

    /** Free space as the file system reports it to this user. */
    public static OutputCheck system() {
        return new OutputCheck(dir -> {
            try {
                return Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                return Long.MAX_VALUE; // no answer: the download says it if the disk fills up
            }
        });
    }

    /**
     * Checks a destination for {@code expectedBytes} of video.
     *
     * @throws UserError naming the problem and the fix
     */
    public void check(Destination destination, long expectedBytes) {
        if (destination.file() != null) {
            checkFile(destination.file(), expectedBytes);
        } else {
            checkFolder(destination.directory(), expectedBytes);
        }
    }

    /** Checks a folder for videos (exists or can be made, writable) without a size in mind. */
    public void checkFolder(Path folder) {
        checkFolder(folder, 0);
    }

    private void checkFile(Path file, long expectedBytes) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "a missing file";
            }
            throw refused("output file " + file + " is a link to " + target
                    + ", which does not exist: remove the link, or " + FIX);
        }
        if (Files.isDirectory(file)) {
            throw refused("output file " + file + " is a folder: name a file in it (" + file.resolve("clip.mp4")
                    + "), or " + FIX);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refused("output file " + file + " already exists: choose another file name or delete it first");
        }
        Path parent = file.getParent();
        if (parent != null) {
            checkFolder(parent, expectedBytes);
        }
    }

    private void checkFolder(Path folder, long expectedBytes) {
        Deque<Path> made = new ArrayDeque<>();
        try {
            makeFolder(folder, made);
            probe(folder);
            long free = usableSpace.applyAsLong(folder);
            if (free < expectedBytes) {
                throw refused(String.format(
                        Locale.ROOT,
                        "output folder %s has %s free, the video needs about %s: free some space, or %s",
                        folder,
                        megabytes(free),
                        megabytes(expectedBytes),
                        FIX));
            }
        } finally {
            while (!made.isEmpty()) {
                try {
                    Files.deleteIfExists(made.pop());
                } catch (IOException e) {
                    // not empty or gone: leave it
                }
            }
        }
    }

    /** Makes the missing folders of {@code folder}, innermost last in {@code made}. */
    private static void makeFolder(Path folder, Deque<Path> made) {
        Deque<Path> missing = new ArrayDeque<>();
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            if (Files.isSymbolicLink(p)) {
                throw refused("output folder " + folder + ": " + p + " is a link to a folder that does not exist: "
                        + "remove the link, or " + FIX);
            }
            missing.push(p);
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw refused("output folder " + folder + ": " + p + " is a file, not a folder: " + FIX);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
            } catch (IOException e) {
                throw refused("output folder " + folder + " cannot be created (" + reason(e) + "): " + FIX);
            }
            made.push(next);
        }
    }

    private static void probe(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".jimeng-", ".probe"));
        } catch (IOException | SecurityException e) {
            throw refused(
                    "output folder " + folder + " is not writable (" + reason(e) + "): make it writable, or " + FIX);
        }
    }

    private static String reason(Exception e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder";
            case "FileSystemException" -> {
                String m = ((java.nio.file.FileSystemException) e).getReason();
                yield m == null ? "file system error" : m.toLowerCase(Locale.ROOT);
            }
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.BAD_INPUT, message);
    }
}
