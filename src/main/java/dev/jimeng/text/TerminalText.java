package dev.jimeng.text;

/**
 * User text made fit for a terminal cell: one line, measured and cut in terminal columns. East
 * Asian wide and fullwidth characters and emoji take two columns, combining marks and zero-width
 * joiners none, everything else one.
 */
public final class TerminalText {
    private static final String ELLIPSIS = "…";

    private TerminalText() {}

    /**
     * {@code s} made safe to print as it is: every character a terminal could act on is shown
     * visibly instead, so nothing in user or server text can move the cursor, clear the screen,
     * retitle the window, write the clipboard or reorder the line. C0 controls become {@code \e},
     * {@code \n}, {@code \t}, {@code \r}, {@code \a}, {@code \b}, {@code \v}, {@code \f} or
     * {@code \\u0000}-style escapes; DEL, C1 controls (such as the one-character CSI {@code
     * \\u009b}), bidirectional overrides and isolates, and the line and paragraph separators become
     * {@code \\uXXXX}; a lone surrogate becomes '?'. An escape sequence thus arrives as harmless
     * text ({@code \e]0;title\a}). Everything else, wide characters and emoji included, is kept.
     * Null becomes "".
     */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        if (clean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendSafe(b, cp);
        }
        return b.toString();
    }

    /**
     * As {@link #safe}, but line breaks and tabs stay (a CR LF or lone CR becomes a line feed): for
     * blocks of several lines, such as a stack trace, whose every line must still be inert.
     */
    public static String safeLines(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < s.length() && s.charAt(i) == '\n') {
                    continue; // the line feed follows
                }
                b.append('\n');
            } else if (cp == '\n' || cp == '\t') {
                b.append((char) cp);
            } else {
                appendSafe(b, cp);
            }
        }
        return b.toString();
    }

    /**
     * True when the terminal would act on {@code cp} rather than show it: C0, DEL, C1, the
     * bidirectional controls and the line and paragraph separators; lone surrogates too (they cannot
     * be encoded).
     */
    public static boolean unsafe(int cp) {
        return cp < 0x20
                || (cp >= 0x7F && cp <= 0x9F)
                || cp == 0x061C // Arabic letter mark
                || cp == 0x200E
                || cp == 0x200F // left-to-right and right-to-left marks
                || (cp >= 0x202A && cp <= 0x202E) // embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069) // isolates
                || cp == 0x2028
                || cp == 0x2029 // line and paragraph separators
                || (cp >= 0xD800 && cp <= 0xDFFF);
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i)) && !Character.isSurrogate(s.charAt(i))) {
                return false;
            }
            if (Character.isHighSurrogate(s.charAt(i))) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void appendSafe(StringBuilder b, int cp) {
        if (!unsafe(cp)) {
            b.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07 -> b.append("\\a");
            case 0x08 -> b.append("\\b");
            case 0x09 -> b.append("\\t");
            case 0x0A -> b.append("\\n");
            case 0x0B -> b.append("\\v");
            case 0x0C -> b.append("\\f");
            case 0x0D -> b.append("\\r");
            case 0x1B -> b.append("\\e");
            default -> {
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    b.append('?');
                } else {
                    b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
                }
            }
        }
    }

    /**
     * One line of {@code s}, safe to print: line breaks, tabs and runs of white space become one
     * space, the ends are stripped, and every other character a terminal could act on is shown
     * visibly as {@link #safe} shows it ({@code \e}, {@code \\u009b}, …). Null becomes "".
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            appendSafe(b, cp);
        }
        return b.toString();
    }

    /** Columns {@code s} takes in a terminal. */
    public static int width(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            columns += width(cp);
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** Columns one code point takes: 0, 1 or 2. */
    public static int width(int cp) {
        if (cp == 0 || Character.isISOControl(cp)) {
            return 0;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || (cp >= 0x1160 && cp <= 0x11FF)) { // Hangul medial vowels and final consonants
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** East Asian Wide (W) and Fullwidth (F) code points, and emoji shown as pictures. */
    private static boolean wide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        return (cp <= 0x115F) // Hangul Jamo initial consonants
                || cp == 0x231A
                || cp == 0x231B // watch, hourglass
                || cp == 0x2329
                || cp == 0x232A
                || (cp >= 0x23E9 && cp <= 0x23EC)
                || cp == 0x23F0
                || cp == 0x23F3
                || (cp >= 0x25FD && cp <= 0x25FE)
                || (cp >= 0x2614 && cp <= 0x2615)
                || (cp >= 0x2648 && cp <= 0x2653)
                || cp == 0x267F
                || cp == 0x2693
                || cp == 0x26A1
                || (cp >= 0x26AA && cp <= 0x26AB)
                || (cp >= 0x26BD && cp <= 0x26BE)
                || (cp >= 0x26C4 && cp <= 0x26C5)
                || cp == 0x26CE
                || cp == 0x26D4
                || cp == 0x26EA
                || (cp >= 0x26F2 && cp <= 0x26F3)
                || cp == 0x26F5
                || cp == 0x26FA
                || cp == 0x26FD
                || cp == 0x2705
                || (cp >= 0x270A && cp <= 0x270B)
                || cp == 0x2728
                || cp == 0x274C
                || cp == 0x274E
                || (cp >= 0x2753 && cp <= 0x2755)
                || cp == 0x2757
                || (cp >= 0x2795 && cp <= 0x2797)
                || cp == 0x27B0
                || cp == 0x27BF
                || (cp >= 0x2B1B && cp <= 0x2B1C)
                || cp == 0x2B50
                || cp == 0x2B55
                || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, Kangxi, CJK symbols and punctuation
                || (cp >= 0x3041 && cp <= 0x33FF) // kana, bopomofo, Hangul compatibility, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
                || (cp >= 0xA960 && cp <= 0xA97F) // Hangul Jamo extended A
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small form variants
                || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x16FE0 && cp <= 0x16FE4)
                || (cp >= 0x17000 && cp <= 0x18CFF) // Tangut
                || (cp >= 0x1B000 && cp <= 0x1B2FF) // kana supplement, Nushu
                || cp == 0x1F004
                || cp == 0x1F0CF
                || cp == 0x1F18E
                || (cp >= 0x1F191 && cp <= 0x1F19A)
                || (cp >= 0x1F200 && cp <= 0x1F2FF) // enclosed ideographic supplement
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
                || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
                || (cp >= 0x1F7E0 && cp <= 0x1F7EB) // coloured circles and squares
                || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
                || (cp >= 0x1FA70 && cp <= 0x1FAFF) // symbols and pictographs extended A
                || (cp >= 0x20000 && cp <= 0x2FFFD) // CJK extensions B to F
                || (cp >= 0x30000 && cp <= 0x3FFFD); // CJK extension G and on
    }

    /** Cuts {@code s} to at most {@code columns} columns, ending with '…' when something was cut. */
    public static String fit(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (width(s) <= columns) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (used + w > columns - 1) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return b.append(ELLIPSIS).toString();
    }

    /** Cuts from the left, keeping the end (file names matter more than their folders). */
    public static String fitLeft(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (width(s) <= columns) {
            return s;
        }
        int start = s.length();
        int used = 0;
        while (start > 0) {
            int cp = s.codePointBefore(start);
            int w = width(cp);
            if (used + w > columns - 1) {
                break;
            }
            used += w;
            start -= Character.charCount(cp);
        }
        return ELLIPSIS + s.substring(start);
    }

    /** Fits {@code s} to {@code columns}, then pads it with spaces to exactly that many columns. */
    public static String pad(String s, int columns) {
        String fitted = fit(s, columns);
        int w = width(fitted);
        return w >= columns ? fitted : fitted + " ".repeat(columns - w);
    }

    /** Fits {@code s} to {@code columns}, then pads it on the left (right-aligns it) to that many. */
    public static String padLeft(String s, int columns) {
        String fitted = fit(s, columns);
        return " ".repeat(Math.max(0, columns - width(fitted))) + fitted;
    }
}
