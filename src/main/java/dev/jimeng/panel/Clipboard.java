package dev.jimeng.panel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where {@code y} puts the selected job's command or path. */
@FunctionalInterface
public interface Clipboard {
    void copy(String text);

    /**
     * The OSC 52 escape sequence that asks the terminal (and through tmux/ssh, the desktop) to set
     * its clipboard: {@code ESC ] 52 ; c ; <base64> BEL}.
     */
    static String osc52(String text) {
        return "\u001b]52;c;" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\u0007";
    }

    /** A clipboard that writes the OSC 52 sequence straight to the terminal's output. */
    static Clipboard osc52(OutputStream terminalOutput) {
        return text -> {
            try {
                terminalOutput.write(osc52(text).getBytes(StandardCharsets.US_ASCII));
                terminalOutput.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
