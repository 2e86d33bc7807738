package dev.jimeng.cli;

/**
 * Ctrl-C (SIGINT) while a one-shot command waits: instead of ending the process at once, the
 * waiting thread is interrupted so the command can ask about a job not sent yet. A second Ctrl-C
 * ends the process as usual.
 */
public interface InterruptSignal {
    /** While the handle is open, Ctrl-C interrupts {@code waiter}. */
    Handle interruptOnCtrlC(Thread waiter);

    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    /** No signal handling (tests drive interrupts themselves). */
    InterruptSignal NONE = waiter -> () -> {};

    /** The process's SIGINT, through the JDK's signal API (jdk.unsupported, present in every JDK). */
    @SuppressWarnings("removal")
    InterruptSignal SYSTEM = waiter -> {
        sun.misc.Signal intSignal = new sun.misc.Signal("INT");
        sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
        previous[0] = sun.misc.Signal.handle(intSignal, signal -> {
            sun.misc.Signal.handle(intSignal, previous[0]); // the next Ctrl-C ends the process
            waiter.interrupt();
        });
        return () -> sun.misc.Signal.handle(intSignal, previous[0]);
    };
}
