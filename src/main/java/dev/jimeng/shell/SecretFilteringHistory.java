package dev.jimeng.shell;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * History that never records a line that looks like it carries a credential: a key name, an access
 * key id, a signed URL's signature, inline base64 data, or the value of a secret the program knows.
 * Such a line still runs; it is only left out of the history (in memory and on disk).
 */
final class SecretFilteringHistory extends DefaultHistory {
    private static final Pattern SECRET = Pattern.compile("(?i)(secret|access_?key|password|passwd|session_?token"
            + "|x-(amz|tos)-|signature=|VOLC_|;base64,|AKLT[A-Za-z0-9]{8,})");

    private final List<String> knownSecrets;

    /** @param knownSecrets values that must never be written (e.g. the configured keys); blanks ignored */
    SecretFilteringHistory(List<String> knownSecrets) {
        this.knownSecrets = usable(knownSecrets);
    }

    static boolean looksSecret(String line, List<String> knownSecrets) {
        return SECRET.matcher(line).find() || usable(knownSecrets).stream().anyMatch(line::contains);
    }

    /** Very short values would match ordinary words: a real key is never that short. */
    private static List<String> usable(List<String> secrets) {
        return secrets.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> s.length() >= 8)
                .toList();
    }

    @Override
    public void add(Instant time, String line) {
        if (!looksSecret(line, knownSecrets)) {
            super.add(time, line);
        }
    }
}
