package dev.jimeng.shell;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code 2 running · 1 queued · 5 done · 1 failed}: the shell's status line and the panel's summary. */
public record JobCounts(int running, int queued, int done, int failed) {
    public static JobCounts of(Collection<JobSnapshot> jobs) {
        return ofStates(jobs.stream().map(JobSnapshot::state).toList());
    }

    public static JobCounts ofStates(Collection<JobState> states) {
        int running = 0, queued = 0, done = 0, failed = 0;
        for (JobState state : states) {
            switch (state) {
                case QUEUED -> queued++;
                case DONE -> done++;
                case FAILED, EXPIRED, SUBMIT_UNKNOWN -> failed++;
                default -> running++;
            }
        }
        return new JobCounts(running, queued, done, failed);
    }

    public boolean active() {
        return running + queued > 0;
    }

    public boolean any() {
        return running + queued + done + failed > 0;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (running > 0) parts.add(running + " running");
        if (queued > 0) parts.add(queued + " queued");
        if (done > 0) parts.add(done + " done");
        if (failed > 0) parts.add(failed + " failed");
        return String.join(" · ", parts);
    }
}
