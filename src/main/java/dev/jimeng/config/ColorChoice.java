package dev.jimeng.config;

/**
 * {@code --color=auto|always|never}: whether jimeng draws in colour. {@code auto} colours a terminal unless
 * {@code NO_COLOR} is set to anything but "" (no-color.org) or the terminal is {@code dumb}.
 */
public enum ColorChoice {
    AUTO,
    ALWAYS,
    NEVER;

    /** {@code terminal}: the output is a terminal; {@code noColor}, {@code term}: those variables, or null. */
    public boolean colors(boolean terminal, String noColor, String term) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
