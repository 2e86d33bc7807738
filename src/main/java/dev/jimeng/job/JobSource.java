package dev.jimeng.job;

import java.util.List;
import java.util.function.Consumer;

/** Read side of the job engine for views: the current jobs, and a stream of changes. */
public interface JobSource {
    /** All known jobs, newest first. */
    List<JobSnapshot> jobs();

    /**
     * Calls {@code listener} with every new snapshot, from the engine's threads. Closing the
     * returned handle stops the calls.
     */
    AutoCloseable subscribe(Consumer<JobSnapshot> listener);
}
