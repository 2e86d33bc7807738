package dev.jimeng.cli;

import dev.jimeng.app.App;
import org.jline.terminal.spi.SystemStream;

/** Columns of the terminal a one-shot command writes to: {@code COLUMNS}, else the system terminal's, else 120. */
final class TerminalWidth {
    static final int DEFAULT = 120;
    private static final int MIN = 20;

    private TerminalWidth() {}

    static int of(App app) {
        String columns = app.env().get("COLUMNS");
        if (columns != null && columns.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(columns);
        }
        if (app.env().stdoutIsTerminal()) {
            int width = TerminalProviders.width(SystemStream.Output);
            if (width >= MIN) { // a dumb terminal may say 0 or a few columns: not a size
                return width;
            }
        }
        return DEFAULT;
    }
}
