package dev.jimeng.panel;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.List;

/** Reads what a virtual terminal shows, as lines of text with trailing spaces cut. */
final class ScreenText {
    private ScreenText() {}

    static List<String> lines(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder b = new StringBuilder();
            for (int col = 0; col < size.getColumns(); col++) {
                TextCharacter c = terminal.getCharacter(col, row);
                b.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    col++; // the next cell is the second half of this character
                }
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }

    static String text(DefaultVirtualTerminal terminal) {
        return String.join("\n", lines(terminal));
    }

    static String row(DefaultVirtualTerminal terminal, int row) {
        return lines(terminal).get(row);
    }
}
