package dev.jimeng.cli;

import dev.jimeng.preview.FramePosition;
import dev.jimeng.preview.Graphics;
import dev.jimeng.preview.Thumbnails;
import dev.jimeng.preview.UndecodableVideoException;
import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Draws a video's still under what a command printed, the way the terminal can show it: nothing
 * at all when the output is not a terminal, one line saying so when the frame cannot be decoded.
 */
final class Previews {
    private Previews() {}

    /** True when a picture was drawn. */
    static boolean draw(
            PrintWriter out, PrintWriter err, Path video, FramePosition position, int columns, Graphics graphics) {
        if (graphics == Graphics.NONE) {
            return false;
        }
        try {
            out.print(Thumbnails.render(video, position, columns, graphics));
            out.flush();
            return true;
        } catch (UndecodableVideoException e) {
            Tell.line(err, "no preview of " + video.getFileName() + ": " + TerminalText.oneLine(e.getMessage()));
            err.flush();
            return false;
        }
    }

    /** Columns a thumbnail under a job's details takes: the default, or less on a narrow terminal. */
    static int columnsFor(int terminalColumns) {
        return Math.max(8, Math.min(Thumbnails.DEFAULT_COLUMNS, terminalColumns - 2));
    }
}
