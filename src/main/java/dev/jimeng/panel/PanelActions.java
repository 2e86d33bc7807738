package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGroups;
import java.nio.file.Path;

/**
 * What the panel can ask the rest of the program to do. The lead wires this to the job engine;
 * the panel itself never talks to the API or the store. Calls come from the panel's loop thread
 * and should return quickly (start work, do not wait for it). A {@link RuntimeException} thrown
 * here is shown on the panel's message line.
 */
public interface PanelActions {
    /** Fetches (or fetches again) the video of a job whose task the server still keeps. */
    void download(String jobId);

    /** Opens a saved video with the system's opener. */
    void open(Path path);

    /**
     * Retries a job. With {@code resubmit} false the engine only polls and downloads again; with
     * true it submits a new, billed task (the panel asks the user first).
     */
    void retry(String jobId, boolean resubmit);

    /** Cancels a job that has not been sent yet (nothing is billed). */
    void cancel(String jobId);

    /**
     * The journal's marks of sets made as one (each job's group, the picked winners), read when the
     * panel opens and after a pick: a set is then one row that opens to show its jobs.
     */
    default JobGroups groups() {
        return JobGroups.NONE;
    }

    /** Marks a job its set's winner (free, sends nothing). */
    default void pick(String jobId) {
        throw new IllegalStateException("picking a winner is not available here");
    }

    /** How a command line reaches these jobs: the {@code jimeng …} lines shown start with it. */
    default dev.jimeng.config.Invocation invocation() {
        return dev.jimeng.config.Invocation.REAL;
    }

    /** True when the jobs belong to the built-in sandbox (nothing is billed). */
    default boolean sandbox() {
        return invocation().sandbox();
    }

    /** One line for the re-submit confirmation, saying that and roughly how much it is billed. */
    default String billingNote(JobSnapshot job) {
        GenerationRequest request = job.request();
        int seconds = request.durationSeconds() == null ? Capabilities.DEFAULT_DURATION : request.durationSeconds();
        return Capabilities.mode(request.mode())
                .map(mode ->
                        Billing.billedAgain(Capabilities.estimatedCost(mode, seconds), seconds, mode.name(), sandbox()))
                .orElse(sandbox() ? Billing.SANDBOX : "billed again as a new task");
    }
}
