package dev.jimeng.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jimeng.text.TerminalText;
import java.util.List;

/**
 * The {@code ?} help: a box listing every key, drawn over the finished frame. It leaves the bold
 * modifier on; {@link PanelRenderer} resets the graphics after it.
 */
final class HelpOverlay {
    private static final List<String> HELP = List.of(
            "↑/↓ or k/j   move (PgUp/PgDn, Home/End, g/G jump)",
            "Enter        show or hide the details of the selected job or group",
            "→/← or +/-   open or fold a group (a set made as one) to act on its jobs",
            "d            download the video again (no new task, not billed)",
            "o            open the saved file",
            "r            retry: download only when the server still has the",
            "             video, else re-submit (asks first: that is billed)",
            "c            cancel a job not sent yet (asks first; not billed)",
            "y            copy the file path or the command (OSC 52)",
            "p            pick the selected job as its set's winner (free)",
            "/            filter by id, mode, prompt, status or error",
            "s            sort: newest, oldest, status, mode",
            "q or Esc     back to the shell",
            "",
            "any key closes this help");

    private HelpOverlay() {}

    /** Draws the box centred on a screen of {@code size}, in ASCII when {@code unicode} is false. */
    static void draw(TextGraphics g, TerminalSize size, boolean unicode) {
        int inner = 0;
        for (String line : HELP) {
            inner = Math.max(inner, TerminalText.width(line));
        }
        int boxWidth = Math.min(size.getColumns(), inner + 4);
        int boxHeight = Math.min(size.getRows(), HELP.size() + 2);
        int x = (size.getColumns() - boxWidth) / 2;
        int y = (size.getRows() - boxHeight) / 2;
        String h = unicode ? "─" : "-";
        String v = unicode ? "│" : "|";
        String title = " keys ";
        String top = (unicode ? "┌" : "+")
                + h
                + title
                + h.repeat(Math.max(0, boxWidth - 3 - title.length()))
                + (unicode ? "┐" : "+");
        String bottom = (unicode ? "└" : "+") + h.repeat(Math.max(0, boxWidth - 2)) + (unicode ? "┘" : "+");
        g.enableModifiers(SGR.BOLD);
        g.putString(x, y, top);
        for (int i = 0; i < boxHeight - 2; i++) {
            String line =
                    unicode ? HELP.get(i) : HELP.get(i).replace("↑/↓", "Up/Dn").replace("→/←", "Rt/Lt");
            g.putString(x, y + 1 + i, v + " " + TerminalText.pad(line, boxWidth - 4) + " " + v);
        }
        g.putString(x, y + boxHeight - 1, bottom);
    }
}
