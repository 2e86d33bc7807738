package dev.jimeng.shell;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.view.JobCounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this shell session knows about (started here or resumed at start) and the last state seen of
 * each: what the status line counts, what "quit while jobs run?" asks about, and when a notice is due.
 * Thread-safe: engine threads report, the shell thread reads.
 */
final class SessionJobs {
    private final Map<String, JobState> states = new ConcurrentHashMap<>();

    /** A job started by a command; counted as queued until the engine reports on it. */
    void track(String id) {
        states.putIfAbsent(id, JobState.QUEUED);
    }

    /**
     * Records a state change and answers whether it is the moment the job ended (so a notice is due
     * exactly once per ending, even when the engine repeats a state).
     */
    boolean recordAndCheckEnded(JobSnapshot job) {
        JobState before = states.put(job.id(), job.state());
        return job.state().terminal() && (before == null || !before.terminal());
    }

    JobCounts counts() {
        return JobCounts.ofStates(states.values());
    }

    long active() {
        return states.values().stream().filter(s -> !s.terminal()).count();
    }

    List<String> ids() {
        return List.copyOf(states.keySet());
    }

    boolean isEmpty() {
        return states.isEmpty();
    }
}
