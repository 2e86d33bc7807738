package dev.jimeng.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A step of the shell's start run on a daemon thread of its own, off the path to the first prompt;
 * whoever needs its result waits for it, and gets its failure as the step threw it.
 */
final class Background<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final String name;
    private final Callable<T> step;
    private boolean started;

    private Background(String name, Callable<T> step) {
        this.name = name;
        this.step = step;
    }

    static <T> Background<T> start(String name, Callable<T> step) {
        Background<T> background = deferred(name, step);
        background.start();
        return background;
    }

    /** A step started by {@link #start()}, or by the first {@link #join()} if nobody started it. */
    static <T> Background<T> deferred(String name, Callable<T> step) {
        return new Background<>(name, step);
    }

    /** Starts the step on its own thread, unless it has been started already. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                result.complete(step.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
    }

    /**
     * Waits for the step: its result, or its exception as it was thrown (a checked one wrapped in a
     * {@link CompletionException}).
     */
    T join() {
        start();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
