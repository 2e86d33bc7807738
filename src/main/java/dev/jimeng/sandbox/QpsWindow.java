package dev.jimeng.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A sliding one-second window over the sandbox clock: at most {@code limit} calls in any second. */
final class QpsWindow {
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private final int limit;
    private final Deque<Instant> accepted = new ArrayDeque<>();

    QpsWindow(int limit) {
        this.limit = limit;
    }

    /** Records the call and returns true, or returns false when the window is full. */
    synchronized boolean tryAcquire(Instant now) {
        Instant windowStart = now.minus(WINDOW);
        while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
            accepted.pollFirst();
        }
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }
}
