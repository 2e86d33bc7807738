package dev.jimeng.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

/** Where a video goes when the user named no file: {@code <dir>/<task id>-<prompt slug>.mp4}. */
public final class OutputNaming {
    private static final int SLUG_MAX = 48;

    private OutputNaming() {}

    /** A path in {@code dir} that does not exist yet, never an existing file. */
    public static Path uniquePath(Path dir, String taskId, String prompt) {
        String base = taskId + (slug(prompt).isEmpty() ? "" : "-" + slug(prompt));
        Path candidate = dir.resolve(base + ".mp4");
        for (int n = 2; Files.exists(candidate) || Files.exists(part(candidate)); n++) {
            candidate = dir.resolve(base + "-" + n + ".mp4");
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
