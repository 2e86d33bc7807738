package dev.jimeng.app;

import dev.jimeng.config.Origin;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.job.EngineSettings;
import dev.jimeng.time.Seconds;
import java.time.Duration;

/** The job engine's settings from the user's settings and environment; bad values are one-line errors. */
final class EngineConfig {
    private static final Duration SANDBOX_POLL_INTERVAL = Duration.ofMillis(500);

    private EngineConfig() {}

    static EngineSettings of(Environment env, Settings settings, boolean sandbox) {
        EngineSettings s = EngineSettings.defaults()
                .withServerConcurrency(settings.concurrency())
                .withPollInterval(pollInterval(settings, sandbox));
        String attempts = env.get("JIMENG_VIDEO_MAX_POLL_ATTEMPTS");
        if (attempts != null) {
            try {
                s = s.withMaxPollAttempts(Integer.parseInt(attempts));
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "JIMENG_VIDEO_MAX_POLL_ATTEMPTS must be a whole number of at least 1, got '" + attempts + "'");
            }
        }
        // the first back-off after a transient error (doubling up to backoffMax); tests shorten it
        String backoff = env.get("JIMENG_VIDEO_RETRY_BACKOFF");
        if (backoff != null) {
            try {
                Duration base = Seconds.parse(backoff);
                s = s.withBackoff(
                        base, s.backoffMax().compareTo(base) < 0 ? base : s.backoffMax(), s.maxTransientErrors());
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "JIMENG_VIDEO_RETRY_BACKOFF must be a positive number of seconds, got '" + backoff + "'");
            }
        }
        return s;
    }

    /** How long an accepted task id the journal cannot record is tried again: JIMENG_JOURNAL_RETRY_SECONDS. */
    static Duration journalRetryWindow(Environment env) {
        String value = env.get("JIMENG_JOURNAL_RETRY_SECONDS");
        if (value == null) {
            return Duration.ofSeconds(60);
        }
        try {
            return Seconds.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "JIMENG_JOURNAL_RETRY_SECONDS must be a positive number of seconds, got '" + value + "'");
        }
    }

    /** The sandbox finishes a job in seconds: poll it faster unless the user chose an interval. */
    static Duration pollInterval(Settings settings, boolean sandbox) {
        boolean chosen = !(settings.get(Setting.POLL_INTERVAL).origin() instanceof Origin.Default);
        return sandbox && !chosen ? SANDBOX_POLL_INTERVAL : settings.pollInterval();
    }
}
