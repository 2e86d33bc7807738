package dev.jimeng.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * Where a video goes when the user named no file: {@code <dir>/<task id>-<prompt slug>.mp4}. The
 * task id comes from the server, so it is reduced to a bounded run of safe characters and the name
 * is always a single file directly in {@code dir}: never a path outside it, never a folder on the way.
 */
public final class OutputNaming {
    private static final int SLUG_MAX = 48;

    // what starts and ends the terminal escape sequences a slug leaves out
    private static final char ESC = 0x1B;
    private static final char C1_CSI = 0x9B;
    private static final char C1_OSC = 0x9D;
    private static final char BEL = 0x07;
    private static final char C1_ST = 0x9C;

    /** Real task ids are 19 digits; anything longer is cut (the prompt slug and a counter follow). */
    static final int TASK_ID_MAX = 64;

    private OutputNaming() {}

    /** A path in {@code dir} that does not exist yet, never an existing file. */
    public static Path uniquePath(Path dir, String taskId, String prompt) {
        String base = safeTaskId(taskId) + (slug(prompt).isEmpty() ? "" : "-" + slug(prompt));
        Path candidate = inside(dir, base + ".mp4");
        for (int n = 2; Files.exists(candidate) || Files.exists(part(candidate)); n++) {
            candidate = inside(dir, base + "-" + n + ".mp4");
        }
        return candidate;
    }

    /**
     * The task id as a file-name part: ASCII letters, digits, {@code -} and {@code _} kept, every
     * other run (slashes, dots, NUL, newlines, escape codes) one dash, at most {@link #TASK_ID_MAX}
     * characters; {@code task} when nothing is left.
     */
    public static String safeTaskId(String taskId) {
        StringBuilder out = new StringBuilder();
        if (taskId != null) {
            for (int i = 0; i < taskId.length() && out.length() < TASK_ID_MAX; i++) {
                char c = taskId.charAt(i);
                boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (safe || (c == '-' && out.length() > 0)) {
                    out.append(c);
                } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return end == 0 ? "task" : out.substring(0, end);
    }

    /** {@code dir/name}, checked to be a single file directly in {@code dir}. */
    private static Path inside(Path dir, String name) {
        Path candidate = dir.resolve(name);
        if (candidate.getFileName() == null
                || !candidate.getFileName().toString().equals(name)
                || !dir.normalize().equals(candidate.normalize().getParent())) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return candidate;
    }

    /** {@code clip.mp4} → the first free of {@code clip-2.mp4}, {@code clip-3.mp4}, … */
    public static Path uniqueSibling(Path file) {
        String name = file.getFileName().toString();
        String base = name.toLowerCase().endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
        base = base.replaceFirst("-\\d+$", ""); // clip-2.mp4 again gives clip-3.mp4, not clip-2-2.mp4
        Path candidate = file;
        for (int n = 2; Files.exists(candidate) || Files.exists(part(candidate)); n++) {
            candidate = file.resolveSibling(base + "-" + n + ".mp4");
        }
        return candidate;
    }

    /**
     * Letters and digits of any script, lower-cased, other runs collapsed to one dash. Terminal escape
     * sequences (text pasted from a coloured terminal) are left out whole, not only their ESC.
     */
    public static String slug(String prompt) {
        if (prompt == null) {
            return "";
        }
        String normalized = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < normalized.length() && count < SLUG_MAX; ) {
            int cp = normalized.codePointAt(i);
            if (cp == ESC || cp == C1_CSI || cp == C1_OSC) {
                i = afterEscapeSequence(normalized, i);
                cp = ' '; // it parts words as a space would
            } else {
                i += Character.charCount(cp);
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                count++;
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * The index after the escape sequence starting at {@code start} (an ESC or a C1 introducer): a
     * control sequence runs to its final byte (@ to ~), an operating-system command (a title, a
     * hyperlink) to BEL or the string terminator, any other ESC takes one character with it.
     */
    private static int afterEscapeSequence(String text, int start) {
        int i = start + 1;
        char kind = text.charAt(start);
        if (kind == ESC && i < text.length()) {
            char next = text.charAt(i++);
            kind = next == '[' ? C1_CSI : next == ']' ? C1_OSC : 0;
        }
        if (kind == C1_CSI) {
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c >= 0x40 && c <= 0x7E) {
                    break;
                }
            }
        } else if (kind == C1_OSC) {
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == BEL || c == C1_ST) {
                    break;
                }
                if (c == ESC && i < text.length() && text.charAt(i) == '\\') {
                    i++;
                    break;
                }
            }
        }
        return i;
    }

    private static Path part(Path p) {
        return p.resolveSibling(p.getFileName() + ".part");
    }
}
