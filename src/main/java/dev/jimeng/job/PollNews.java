package dev.jimeng.job;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.time.Wakeup;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the pollers of one kind of task (mode and length, as {@link TaskDurations} groups them) tell each
 * other: that a task of the kind was just seen done, and how long it ran at least, so the history knows
 * more and sleeping pollers plan again ({@link PollSchedule#afterNews}); and, while there is no history,
 * whose turn it is, so that tasks sent together look at the server in turn ({@link
 * PollSchedule#staggered}) rather than all at once.
 */
final class PollNews {
    /** One kind's news and turns. */
    static final class Kind {
        private final Wakeup seenDone = new Wakeup();
        private final AtomicInteger turns = new AtomicInteger();
        private final AtomicReference<Duration> lastRanAtLeast = new AtomicReference<>(Duration.ZERO);

        Wakeup seenDone() {
            return seenDone;
        }

        /**
         * Tells the kind's sleeping pollers that a task was seen done, which was still running {@code
         * ranAtLeast} after its submit (its last poll that found it not done).
         */
        void tellSeenDone(Duration ranAtLeast) {
            lastRanAtLeast.set(ranAtLeast);
            seenDone.signal();
        }

        /** How long the task last seen done ran at least: it ended after that, by up to its last gap. */
        Duration lastRanAtLeast() {
            return lastRanAtLeast.get();
        }

        /** The next turn (0, 1, 2…) among the tasks of this kind that polled without history. */
        int takeTurn() {
            return turns.getAndIncrement();
        }
    }

    private final ConcurrentMap<String, Kind> kinds = new ConcurrentHashMap<>();

    Kind of(String mode, Integer seconds) {
        int length = seconds == null ? Capabilities.DEFAULT_DURATION : seconds;
        return kinds.computeIfAbsent(mode + "/" + length, key -> new Kind());
    }
}
