package dev.jimeng.shell;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp.Capability;

/** Whether a JLine terminal can do cursor control (else: plain lines, no panel). */
public final class Terminals {
    private Terminals() {}

    public static boolean isDumb(Terminal terminal) {
        return terminal instanceof DumbTerminal
                || Terminal.TYPE_DUMB.equals(terminal.getType())
                || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                || terminal.getStringCapability(Capability.cursor_address) == null;
    }
}
