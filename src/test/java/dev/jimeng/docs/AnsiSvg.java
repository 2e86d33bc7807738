package dev.jimeng.docs;

import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a screen captured with {@code tmux capture-pane -e -p} into a monospace SVG for the README
 * ({@code docs/capture} runs it). Understands SGR: the 16, 256 and 24-bit colours, bold, dim, italic,
 * underline and reverse; skips every other escape sequence. Wide characters (CJK, emoji) take two
 * cells, measured by {@link TerminalText#width(int)} as jimeng itself measures them, and each run of
 * text is stretched to its cells ({@code textLength}) so columns line up whatever the viewer's font.
 *
 * <p>Usage: {@code AnsiSvg IN OUT COLUMNS ROWS}.
 */
public final class AnsiSvg {
    static final int CELL_WIDTH = 9;
    static final int CELL_HEIGHT = 18;
    static final String FOREGROUND = "#d4d4d4";
    static final String BACKGROUND = "#1e1e1e";
    private static final String[] BASIC = {
        "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
        "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"
    };

    private AnsiSvg() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: AnsiSvg IN OUT COLUMNS ROWS");
            System.exit(2);
        }
        String screen = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.writeString(
                Path.of(args[1]),
                svg(screen, Integer.parseInt(args[2]), Integer.parseInt(args[3])),
                StandardCharsets.UTF_8);
    }

    /** The style of a cell; colours are "#rrggbb" or null for the default. */
    record Style(String fg, String bg, boolean bold, boolean dim, boolean italic, boolean underline, boolean reverse) {
        static final Style PLAIN = new Style(null, null, false, false, false, false, false);

        String textColour() {
            String c = reverse ? (bg == null ? BACKGROUND : bg) : (fg == null ? FOREGROUND : fg);
            return c;
        }

        /** The cell's background, or null when it is the screen's. */
        String fillColour() {
            return reverse ? (fg == null ? FOREGROUND : fg) : bg;
        }
    }

    /** One cell-aligned piece of a line: text of the same style, or one wide character. */
    record Run(int column, int cells, String text, Style style) {}

    /** The SVG of a screen {@code columns} × {@code rows} cells. */
    public static String svg(String screen, int columns, int rows) {
        int width = columns * CELL_WIDTH + 2 * CELL_WIDTH;
        int height = rows * CELL_HEIGHT + 2 * CELL_WIDTH;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace\"")
                .append(" font-size=\"15\">\n");
        out.append("<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"")
                .append(BACKGROUND)
                .append("\"/>\n");
        String[] lines = screen.split("\n", -1);
        Style style = Style.PLAIN;
        for (int row = 0; row < Math.min(rows, lines.length); row++) {
            List<Run> runs = new ArrayList<>();
            style = parseLine(lines[row], style, columns, runs);
            int y = CELL_WIDTH + row * CELL_HEIGHT;
            for (Run run : runs) {
                int x = CELL_WIDTH + run.column() * CELL_WIDTH;
                String fill = run.style().fillColour();
                if (fill != null) {
                    out.append("<rect x=\"")
                            .append(x)
                            .append("\" y=\"")
                            .append(y)
                            .append("\" width=\"")
                            .append(run.cells() * CELL_WIDTH)
                            .append("\" height=\"")
                            .append(CELL_HEIGHT)
                            .append("\" fill=\"")
                            .append(fill)
                            .append("\"/>\n");
                }
                if (run.text().isBlank()) {
                    continue;
                }
                out.append("<text x=\"")
                        .append(x)
                        .append("\" y=\"")
                        .append(y + CELL_HEIGHT - 5)
                        .append("\" textLength=\"")
                        .append(run.cells() * CELL_WIDTH)
                        .append("\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\" fill=\"")
                        .append(run.style().textColour())
                        .append('"');
                if (run.style().bold()) {
                    out.append(" font-weight=\"bold\"");
                }
                if (run.style().dim()) {
                    out.append(" opacity=\"0.6\"");
                }
                if (run.style().italic()) {
                    out.append(" font-style=\"italic\"");
                }
                if (run.style().underline()) {
                    out.append(" text-decoration=\"underline\"");
                }
                out.append('>').append(escape(run.text())).append("</text>\n");
            }
        }
        return out.append("</svg>\n").toString();
    }

    /**
     * Splits one captured line into runs, starting in {@code style} (tmux carries a style across
     * lines), and returns the style at its end. Cells past {@code columns} are dropped.
     */
    static Style parseLine(String line, Style style, int columns, List<Run> runs) {
        StringBuilder text = new StringBuilder();
        int start = 0;
        int column = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (cp == 0x1b) {
                int end = sequenceEnd(line, i);
                if (i + 1 < line.length() && line.charAt(i + 1) == '[' && line.charAt(end - 1) == 'm') {
                    Style next = sgr(style, line.substring(i + 2, end - 1));
                    if (!next.equals(style)) {
                        flush(runs, start, column - start, text, style);
                        start = column;
                        style = next;
                    }
                }
                i = end;
                continue;
            }
            i += Character.charCount(cp);
            if (cp == '\r' || Character.getType(cp) == Character.CONTROL) {
                continue;
            }
            int cells = Math.max(TerminalText.width(cp), 0);
            if (cells == 0) {
                text.appendCodePoint(cp); // a combining mark rides on the cell before it
                continue;
            }
            if (column + cells > columns) {
                break;
            }
            if (cells == 2) { // its own run, so that the font's idea of its width cannot shift the rest
                flush(runs, start, column - start, text, style);
                runs.add(new Run(column, 2, new String(Character.toChars(cp)), style));
                column += 2;
                start = column;
            } else {
                text.appendCodePoint(cp);
                column++;
            }
        }
        flush(runs, start, column - start, text, style);
        return style;
    }

    private static void flush(List<Run> runs, int column, int cells, StringBuilder text, Style style) {
        if (cells > 0) {
            runs.add(new Run(column, cells, text.toString(), style));
        }
        text.setLength(0);
    }

    /** Index just past the escape sequence starting at {@code i} (CSI, OSC or a two-byte one). */
    private static int sequenceEnd(String s, int i) {
        if (i + 1 >= s.length()) {
            return s.length();
        }
        char kind = s.charAt(i + 1);
        if (kind == '[') {
            int j = i + 2;
            while (j < s.length() && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(j + 1, s.length());
        }
        if (kind == ']' || kind == 'P' || kind == '_') { // ends at BEL or ESC \
            for (int j = i + 2; j < s.length(); j++) {
                if (s.charAt(j) == 0x07) {
                    return j + 1;
                }
                if (s.charAt(j) == 0x1b && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
                    return j + 2;
                }
            }
            return s.length();
        }
        return i + 2;
    }

    /** The style after one SGR sequence's parameters ({@code ;} or {@code :} separated). */
    static Style sgr(Style s, String parameters) {
        String[] p = parameters.isEmpty() ? new String[] {"0"} : parameters.split("[;:]", -1);
        String fg = s.fg();
        String bg = s.bg();
        boolean bold = s.bold();
        boolean dim = s.dim();
        boolean italic = s.italic();
        boolean underline = s.underline();
        boolean reverse = s.reverse();
        for (int k = 0; k < p.length; k++) {
            int code = p[k].isEmpty() ? 0 : Integer.parseInt(p[k]);
            switch (code) {
                case 0 -> {
                    fg = bg = null;
                    bold = dim = italic = underline = reverse = false;
                }
                case 1 -> bold = true;
                case 2 -> dim = true;
                case 3 -> italic = true;
                case 4 -> underline = true;
                case 7 -> reverse = true;
                case 22 -> bold = dim = false;
                case 23 -> italic = false;
                case 24 -> underline = false;
                case 27 -> reverse = false;
                case 39 -> fg = null;
                case 49 -> bg = null;
                case 38, 48 -> {
                    String colour = null;
                    if (k + 2 < p.length && p[k + 1].equals("5")) {
                        colour = palette(Integer.parseInt(p[k + 2]));
                        k += 2;
                    } else if (k + 4 < p.length && p[k + 1].equals("2")) {
                        colour =
                                rgb(Integer.parseInt(p[k + 2]), Integer.parseInt(p[k + 3]), Integer.parseInt(p[k + 4]));
                        k += 4;
                    }
                    if (code == 38) {
                        fg = colour;
                    } else {
                        bg = colour;
                    }
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        fg = BASIC[code - 30];
                    } else if (code >= 40 && code <= 47) {
                        bg = BASIC[code - 40];
                    } else if (code >= 90 && code <= 97) {
                        fg = BASIC[code - 90 + 8];
                    } else if (code >= 100 && code <= 107) {
                        bg = BASIC[code - 100 + 8];
                    }
                }
            }
        }
        return new Style(fg, bg, bold, dim, italic, underline, reverse);
    }

    /** The xterm 256-colour palette: 16 basic, a 6×6×6 cube, 24 greys. */
    static String palette(int n) {
        if (n < 16) {
            return BASIC[n];
        }
        if (n < 232) {
            int c = n - 16;
            return rgb(level(c / 36), level(c / 6 % 6), level(c % 6));
        }
        int grey = 8 + 10 * (n - 232);
        return rgb(grey, grey, grey);
    }

    private static int level(int i) {
        return i == 0 ? 0 : 55 + 40 * i;
    }

    private static String rgb(int r, int g, int b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r & 0xff, g & 0xff, b & 0xff);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
