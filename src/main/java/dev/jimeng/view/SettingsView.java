package dev.jimeng.view;

import dev.jimeng.text.TerminalText;
import java.util.List;

/**
 * Settings as aligned columns, key, value and where it came from, for the shell's {@code settings}
 * and {@code config list}. Long values are cut to leave the origin on screen (paths from the left:
 * their end matters most).
 */
public final class SettingsView {
    /** Values get at least this many columns however narrow the terminal. */
    private static final int MIN_VALUE = 16;
    /** The origin column gets at least this many columns, and values leave it at most MAX_ORIGIN. */
    private static final int MIN_ORIGIN = 12;

    private static final int MAX_ORIGIN = 40;

    private SettingsView() {}

    /** One row: {@code cutFromLeft} for paths. Values and origins are made safe here. */
    public record Row(String key, String value, String origin, boolean cutFromLeft) {}

    /** The rows as lines (each ending in a line separator) for a terminal {@code columns} wide. */
    public static String table(List<Row> rows, int columns) {
        List<String> values =
                rows.stream().map(r -> TerminalText.safe(r.value())).toList();
        List<String> origins =
                rows.stream().map(r -> TerminalText.safe(r.origin())).toList();
        int keys =
                rows.stream().mapToInt(r -> TerminalText.width(r.key())).max().orElse(10);
        int longestValue = values.stream().mapToInt(TerminalText::width).max().orElse(0);
        int longestOrigin = origins.stream().mapToInt(TerminalText::width).max().orElse(0);
        // the value column is as wide as the longest value, unless that would push the origins off
        // the screen; then long values are cut
        int room = columns - keys - 4 - Math.min(longestOrigin, MAX_ORIGIN);
        int valueWidth = Math.max(Math.min(longestValue, MIN_VALUE), Math.min(longestValue, room));
        int originWidth = Math.max(MIN_ORIGIN, columns - keys - 4 - valueWidth);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String value = values.get(i);
            if (TerminalText.width(value) > valueWidth) {
                value = rows.get(i).cutFromLeft()
                        ? TerminalText.fitLeft(value, valueWidth)
                        : TerminalText.fit(value, valueWidth);
            }
            out.append(TerminalText.pad(rows.get(i).key(), keys))
                    .append("  ")
                    .append(TerminalText.pad(value, valueWidth))
                    .append("  ")
                    .append(TerminalText.fit(origins.get(i), originWidth))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }
}
