package dev.jimeng.cli;

import dev.jimeng.app.App;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Columns of the terminal a one-shot command writes to: {@code COLUMNS}, else the system terminal's, else 120. */
final class TerminalWidth {
    static final int DEFAULT = 120;

    private TerminalWidth() {}

    static int of(App app) {
        String columns = app.env().get("COLUMNS");
        if (columns != null && columns.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(columns);
        }
        if (app.env().stdoutIsTerminal() || app.env().stderrIsTerminal()) {
            try (Terminal terminal =
                    TerminalBuilder.builder().system(true).dumb(true).build()) {
                if (terminal.getWidth() > 0) {
                    return terminal.getWidth();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // no size to be had: fall back to the default
            }
        }
        return DEFAULT;
    }
}
