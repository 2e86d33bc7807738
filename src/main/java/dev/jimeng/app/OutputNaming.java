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

    /** Letters and digits of any script, lower-cased, other runs collapsed to one dash. */
    public static String slug(String prompt) {
        if (prompt == null) {
            return "";
        }
        String normalized = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase();
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < normalized.length() && count < SLUG_MAX; ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
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

    private static Path part(Path p) {
        return p.resolveSibling(p.getFileName() + ".part");
    }
}
