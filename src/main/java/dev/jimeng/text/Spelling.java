package dev.jimeng.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest of a few known words to one the user typed. */
public final class Spelling {
    private Spelling() {}

    /**
     * The candidate closest to {@code typed}, or empty when none is close. Case and {@code -} versus
     * {@code _} do not count; past that, a word may be off by one edit (short words) or two (longer
     * ones), a swap of neighbouring letters counting as one. Ties go to the earlier candidate.
     */
    public static Optional<String> closest(String typed, List<String> candidates) {
        String word = normalise(typed);
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, normalise(candidate));
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
