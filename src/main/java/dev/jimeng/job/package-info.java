/**
 * The job engine: every video job runs as one plain sequential story (validate → submit → record
 * the task id → poll → download → verify → done) on its own virtual thread, driven by {@link
 * dev.jimeng.job.JobManager}, journaled in {@link dev.jimeng.store.JobStore} at every step and
 * published as immutable {@link dev.jimeng.job.JobSnapshot}s. The money rules live here: a submit
 * that may have reached the server is never repeated automatically, and a crash at any moment loses
 * no task id. Nothing here prints; all waiting goes through the injected clock and sleeper.
 *
 * <p>One {@code JobRun} per job holds its state and owns its lease, and tells the story one step
 * class at a time: {@code SubmitStep} (the money rules), {@code PollStep}, {@code DownloadStep}. Around
 * the runs, {@code JobEvents} publishes snapshots and endings, {@code Leases} takes and renews this
 * process's leases, and {@code Refusals} says why {@link dev.jimeng.job.NextSteps} forbids a request.
 */
package dev.jimeng.job;
