package dev.jimeng.config;

import java.util.regex.Pattern;

/**
 * The one rule for the names users give saved things (prompt templates, image assets): a letter or
 * digit, then letters, digits, {@code _} and {@code -}, at most 64 in all. Such a name is a bare TOML
 * key, a shell word that needs no quotes, and never a path ({@code ..}, {@code /}) or an option.
 */
public final class SavedNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private SavedNames() {}

    /**
     * {@code name} when it is usable.
     *
     * @throws InvalidSettingException naming the problem and the rule, {@code kind} saying what it names
     */
    public static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidSettingException(kind + " name '" + dev.jimeng.text.TerminalText.safe(String.valueOf(name))
                    + "' is not allowed; use letters, digits, _ and - (a letter or digit first, at most 64)");
        }
        return name;
    }
}
