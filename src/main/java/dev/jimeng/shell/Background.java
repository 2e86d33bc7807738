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

    private Background() {}

    static <T> Background<T> start(String name, Callable<T> step) {
        Background<T> background = new Background<>();
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                background.result.complete(step.call());
            } catch (Throwable e) {
                background.result.completeExceptionally(e);
            }
        });
        return background;
    }

    /**
     * Waits for the step: its result, or its exception as it was thrown (a checked one wrapped in a
     * {@link CompletionException}).
     */
    T join() {
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
