package dev.jimeng.cli;

import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;

/**
 * The one way jimeng says something on stderr: {@code jimeng: LINE}, LINE's control characters shown
 * as text ({@link TerminalText#safe}), since a line may quote a file, a prompt or the server.
 */
final class Tell {
    private Tell() {}

    static void line(PrintWriter err, String line) {
        err.println("jimeng: " + TerminalText.safe(line));
    }
}
