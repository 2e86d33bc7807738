package dev.jimeng.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags the launchers give java, read from their one home, the repo launcher's
 * {@code jvm_flags=(…)} line: benchmarks that start the jar themselves start it as users do.
 */
public final class LauncherFlags {
    /** The repo launcher, from the project folder (where Maven runs the tests). */
    public static final Path LAUNCHER = Path.of("jimeng");

    private static final Pattern ALWAYS = Pattern.compile("(?m)^jvm_flags=\\(([^)]*)\\)");
    private static final Pattern JDK_25 = Pattern.compile("(?m)^\\s+jvm_flags\\+=\\(([^)]*)\\)");

    private LauncherFlags() {}

    /** The flags every start gets, whatever the JDK. */
    public static List<String> always() {
        return words(ALWAYS, read());
    }

    /** The flags a start on this JDK gets (JDK 25+ adds its own), start-up cache aside. */
    public static List<String> forThisJdk() {
        List<String> flags = new ArrayList<>(always());
        if (Runtime.version().feature() >= 25) {
            flags.addAll(words(JDK_25, read()));
        }
        return List.copyOf(flags);
    }

    private static String read() {
        try {
            return Files.readString(LAUNCHER, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        if (!m.find()) {
            throw new IllegalStateException(LAUNCHER + " has no line matching " + pattern);
        }
        return Arrays.stream(m.group(1).trim().split("\\s+")).toList();
    }
}
