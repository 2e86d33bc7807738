package dev.jimeng.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, without native code. */
final class TerminalCheck {
    private TerminalCheck() {}

    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        // No /proc (macOS): the JDK knows only whether stdin and stdout are both terminals.
        return System.console() != null;
    }
}
