package dev.jimeng.doctor;

import dev.jimeng.app.App;
import dev.jimeng.config.ResolvedSetting;
import java.util.List;

/**
 * The file {@code doctor --report} writes for a bug report: versions, every setting with where it
 * came from, the doctor's findings and the last lines of the support log. Every line passes the
 * support log's redaction, so no secret, signature or URL token gets in.
 */
public final class SupportBundle {
    public static final int LOG_LINES = 200;

    private SupportBundle() {}

    public static String text(App app, List<String> versions, DoctorReport report) {
        StringBuilder out = new StringBuilder("# jimeng support bundle\n\n## versions\n");
        versions.forEach(v -> out.append(v).append('\n'));
        out.append("OS ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("\n\n## settings\n");
        for (ResolvedSetting s : app.settings().all()) {
            out.append(s.key())
                    .append(" = ")
                    .append(s.value())
                    .append("  (")
                    .append(s.origin().describe())
                    .append(")\n");
        }
        out.append("\n## doctor\n").append(report.text());
        List<String> log = app.log().lastLines(LOG_LINES);
        out.append("\n## last ")
                .append(log.size())
                .append(" lines of ")
                .append(app.log().file())
                .append('\n');
        log.forEach(l -> out.append(l).append('\n'));
        StringBuilder redacted = new StringBuilder();
        out.toString().lines().forEach(l -> redacted.append(app.log().redact(l)).append('\n'));
        return redacted.toString();
    }
}
