package dev.jimeng.time;

import java.time.Duration;

/** Waiting, injected so tests assert back-off instead of sleeping through it. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
