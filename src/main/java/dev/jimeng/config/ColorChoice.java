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

    /**
     * Whether saved files' paths become OSC 8 links ({@link dev.jimeng.text.Hyperlinks}): only at a
     * terminal that takes them, and never with {@code never}, which asks for plain text. {@code
     * NO_COLOR} is about colour only and keeps them; {@code always} does not send them into a pipe.
     *
     * @param env a variable's value, or null
     */
    public boolean links(boolean terminal, java.util.function.UnaryOperator<String> env) {
        return this != NEVER && terminal && dev.jimeng.text.Hyperlinks.terminalSupports(env);
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
