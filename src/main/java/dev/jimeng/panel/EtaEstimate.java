package dev.jimeng.panel;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a job of a mode typically takes from creation to done, learned by the caller from past
 * jobs. Called for visible rows on every redraw, so it should answer from memory.
 */
@FunctionalInterface
public interface EtaEstimate {
    EtaEstimate NONE = mode -> Optional.empty();

    Optional<Duration> typicalDuration(String mode);

    /** Tasks the server runs at once for us (the concurrency setting): how fast the local queue drains. */
    default int serverSlots() {
        return 1;
    }
}
