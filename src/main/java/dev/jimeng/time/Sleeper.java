package dev.jimeng.time;

import java.time.Duration;

/** Waiting, injected so tests assert back-off instead of sleeping through it. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep}, or a timed wait when news may end the sleep early. */
    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }

        @Override
        public boolean sleep(Duration duration, Wakeup wakeup, long seen) throws InterruptedException {
            return wakeup.await(seen, duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;

    /**
     * Sleeps for {@code duration}, or less if {@code wakeup} is signalled after its {@code seen}-th signal
     * (the count when the caller last looked); true when woken early. Sleepers of virtual time sleep the
     * whole duration: their time does not pass while news comes.
     */
    default boolean sleep(Duration duration, Wakeup wakeup, long seen) throws InterruptedException {
        sleep(duration);
        return false;
    }
}
