package dev.jimeng.mcp;

import dev.jimeng.app.JobService;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Waits, within a bound, for a job to reach a condition: an agent's call never blocks longer than it said. */
final class JobWatch {
    private JobWatch() {}

    /**
     * The job as soon as {@code reached} holds, or as it is when {@code bound} runs out; the job
     * itself carries on either way.
     */
    static JobSnapshot until(JobService jobs, String id, Predicate<JobSnapshot> reached, Duration bound)
            throws InterruptedException {
        CompletableFuture<JobSnapshot> done = new CompletableFuture<>();
        try (AutoCloseable ignored = jobs.subscribe(s -> {
            if (s.id().equals(id) && reached.test(s)) {
                done.complete(s);
            }
        })) {
            jobs.find(id).filter(reached).ifPresent(done::complete);
            return done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return jobs.find(id).orElseThrow();
        } catch (InterruptedException e) {
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) { // closing the subscription
            throw new IllegalStateException(e);
        }
    }

    static boolean ended(JobSnapshot job) {
        return job.state().terminal();
    }

    /** Past sending: the server took it (or refused it), or it ended, or its submit outcome is unknown. */
    static boolean sent(JobSnapshot job) {
        return job.state() != JobState.QUEUED && job.state() != JobState.SUBMITTING;
    }
}
