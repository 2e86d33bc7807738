package dev.jimeng.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Hands a file (a video, a gallery page) to the desktop's opener: {@code open} on macOS, {@code xdg-open}
 * elsewhere, and on Windows rundll32's file handler rather than {@code cmd /c start}, which would read
 * the path as a command line (a {@code &} in a folder name would run what follows it).
 */
final class DesktopOpener {
    private DesktopOpener() {}

    /** The command that opens {@code path} on a system named {@code osName}. */
    static List<String> command(String osName, Path path) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", path.toString());
        }
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", path.toString());
        }
        return List.of("xdg-open", path.toString());
    }

    /**
     * Starts this system's opener on {@code path}, not waiting for it.
     *
     * @return the opener's name when it could not be started (not installed), else null
     */
    static String open(Path path) {
        List<String> command = command(System.getProperty("os.name", ""), path);
        try {
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return null;
        } catch (IOException e) {
            return command.getFirst();
        }
    }
}
