package dev.jimeng.doctor;

import dev.jimeng.config.JimengVersion;
import java.util.List;

/** The Java runtime jimeng runs on, and which jimeng this is. */
final class JavaCheck implements Check {
    static final int MINIMUM = 21;

    @Override
    public List<Finding> run() {
        Runtime.Version version = Runtime.version();
        String vendor = System.getProperty("java.vendor", "unknown vendor");
        String summary = "jimeng " + JimengVersion.fullVersion() + " on Java " + version + " (" + vendor + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
        return List.of(
                version.feature() >= MINIMUM
                        ? Finding.ok("java", summary)
                        : Finding.warning("java", summary, "install a JDK " + MINIMUM + " or newer"));
    }
}
