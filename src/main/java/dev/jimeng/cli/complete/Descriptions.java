package dev.jimeng.cli.complete;

/** Descriptions of commands and options as a completion menu shows them: one short line. */
public final class Descriptions {
    private static final int MAX = 60;

    private Descriptions() {}

    /**
     * The first non-empty line of a picocli description (picocli has already filled in its variables but
     * not its format markers: {@code %n} is a line break, {@code %%} a percent sign), at most 60 characters.
     */
    public static String firstLine(String[] lines) {
        if (lines == null) {
            return null;
        }
        for (String line : lines) {
            for (String part : line.split("%n", -1)) {
                String s = part.replace("%%", "%").strip();
                if (!s.isEmpty()) {
                    return shorten(s);
                }
            }
        }
        return null;
    }

    /** One line of at most 60 characters, cut with an ellipsis. */
    public static String shorten(String s) {
        if (s == null) {
            return null;
        }
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
    }
}
