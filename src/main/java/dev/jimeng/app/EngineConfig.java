package dev.jimeng.app;

import dev.jimeng.config.Origin;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.job.EngineSettings;
import java.time.Duration;

/** The job engine's settings from the user's settings (every value checked where it was read). */
final class EngineConfig {
    private static final Duration SANDBOX_POLL_INTERVAL = Duration.ofMillis(500);

    private EngineConfig() {}

    static EngineSettings of(Settings settings, boolean sandbox) {
        EngineSettings s = EngineSettings.defaults()
                .withServerConcurrency(settings.concurrency())
                .withPollInterval(pollInterval(settings, sandbox))
                .withMaxPollAttempts(settings.maxPollAttempts());
        // the first back-off after a transient error (doubling up to backoffMax); tests shorten it
        Duration base = settings.seconds(Setting.RETRY_BACKOFF);
        return s.withBackoff(base, s.backoffMax().compareTo(base) < 0 ? base : s.backoffMax(), s.maxTransientErrors());
    }

    /** How long an accepted task id the journal cannot record is tried again. */
    static Duration journalRetryWindow(Settings settings) {
        return settings.seconds(Setting.JOURNAL_RETRY_SECONDS);
    }

    /** The sandbox finishes a job in seconds: poll it faster unless the user chose an interval. */
    static Duration pollInterval(Settings settings, boolean sandbox) {
        boolean chosen = !(settings.get(Setting.POLL_INTERVAL).origin() instanceof Origin.Default);
        return sandbox && !chosen ? SANDBOX_POLL_INTERVAL : settings.pollInterval();
    }
}
