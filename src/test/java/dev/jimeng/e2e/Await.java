package dev.jimeng.e2e;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition with a deadline, for tests that watch real processes and servers. The
 * condition is checked every few milliseconds; the wait ends as soon as it holds, never after a fixed
 * time.
 */
public final class Await {
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(10).toNanos();

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} and {@code state} at the deadline. */
    public static void until(Duration deadline, String what, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(
                        "timed out after " + deadline + " waiting until " + what + "; now: " + state.get());
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }

    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, what, condition, () -> "(no details)");
    }
}
