package dev.jimeng.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * picocli's own wording for a bad value, in jimeng's: the option and the problem ({@code --duration:
 * 'ten' is not a whole number}) rather than "Invalid value for option '--duration': …", and an enum's
 * values as they are typed.
 */
final class PicocliMessage {
    private static final Pattern INVALID_OPTION =
            Pattern.compile("^Invalid value for option '([^']+)'(?: \\([^)]*\\))?: (.*)$", Pattern.DOTALL);
    private static final Pattern INVALID_POSITIONAL = Pattern.compile(
            "^Invalid value for positional parameter at index \\d+ \\(([^)]+)\\): (.*)$", Pattern.DOTALL);
    private static final Pattern ENUM =
            Pattern.compile("expected one of \\[([^\\]]*)\\](?: \\(case-insensitive\\))? but was '([^']*)'");

    private PicocliMessage() {}

    static String plain(String message) {
        String m = message;
        Matcher option = INVALID_OPTION.matcher(m);
        Matcher positional = INVALID_POSITIONAL.matcher(m);
        if (option.matches()) {
            m = option.group(1) + ": " + option.group(2);
        } else if (positional.matches()) {
            m = positional.group(1) + ": " + positional.group(2);
        }
        Matcher values = ENUM.matcher(m);
        if (values.find()) {
            String allowed = Arrays.stream(values.group(1).split(",\\s*"))
                    .map(v -> v.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            m = values.replaceFirst(Matcher.quoteReplacement("'" + values.group(2) + "' is not one of " + allowed));
        }
        return m;
    }
}
