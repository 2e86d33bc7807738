package dev.jimeng.text;

import java.time.Duration;
import java.util.Locale;

/** Short durations for tables and status lines. */
public final class Durations {
    private Durations() {}

    /** {@code 42s}, {@code 3m05s}, {@code 1h02m}, {@code 3d04h}, {@code 693d}; negative counts as zero. */
    public static String compact(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s < 10 * 86_400) {
            return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, (s % 86_400) / 3600);
        }
        return s / 86_400 + "d";
    }
}
