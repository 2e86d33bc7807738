package dev.jimeng.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * jimeng's version, commit and build date from {@code version.properties}, which the build fills in; a
 * value the build could not know (no .git in a source archive, classes not built by Maven) is left out.
 * One home for what {@code --version}, the shell's first line, {@code doctor}, the MCP server and the
 * sidecars say.
 */
public final class JimengVersion {
    private JimengVersion() {}

    /** "0.1.0-SNAPSHOT": the project version, or "dev" when unknown. */
    public static String shortVersion() {
        return known(read().getProperty("version"), "dev");
    }

    /** "0.1.0-SNAPSHOT (commit 74705cb, built 2026-12-01)": what is known of it. */
    public static String fullVersion() {
        Properties p = read();
        String commit = known(p.getProperty("commit"), null);
        if (commit != null && "true".equals(p.getProperty("dirty"))) {
            commit += "+changes";
        }
        String built = known(p.getProperty("built"), null);
        if (built != null && built.length() > 10) {
            built = built.substring(0, 10); // the day is enough
        }
        StringBuilder b = new StringBuilder(shortVersion());
        if (commit != null || built != null) {
            b.append(" (");
            if (commit != null) {
                b.append("commit ").append(commit).append(built != null ? ", " : "");
            }
            if (built != null) {
                b.append("built ").append(built);
            }
            b.append(')');
        }
        return b.toString();
    }

    private static String known(String value, String fallback) {
        return value == null || value.isBlank() || value.contains("${") ? fallback : value.strip();
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = JimengVersion.class.getResourceAsStream("/dev/jimeng/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version file: every part unknown
        }
        return p;
    }
}
