package dev.jimeng.shell;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/** History that never records a line that looks like it carries a credential. */
final class SecretFilteringHistory extends DefaultHistory {
    private static final Pattern SECRET =
            Pattern.compile("(?i)(secret|accesskey|access_key|password|token|VOLC_|AKLT[A-Za-z0-9]{8,})");

    @Override
    public void add(Instant time, String line) {
        if (!SECRET.matcher(line).find()) {
            super.add(time, line);
        }
    }
}
