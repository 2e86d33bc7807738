package dev.jimeng.view;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How many jobs are running (submitting to downloading), queued, done, failed, expired and of
 * unknown submit outcome, and canceled: the one count behind the shell's status line ({@code 2 running · 1 queued
 * · 5 done · 1 failed}, where failed takes in expired and unknown) and the panel's summary.
 */
public record JobCounts(int running, int queued, int done, int failed, int expired, int unknown, int canceled) {
    public static JobCounts of(Collection<JobSnapshot> jobs) {
        return ofStates(jobs.stream().map(JobSnapshot::state).toList());
    }

    public static JobCounts ofStates(Collection<JobState> states) {
        int running = 0, queued = 0, done = 0, failed = 0, expired = 0, unknown = 0, canceled = 0;
        for (JobState state : states) {
            switch (state) {
                case QUEUED -> queued++;
                case SUBMITTING, IN_QUEUE, GENERATING, DOWNLOADING -> running++;
                case DONE -> done++;
                case FAILED -> failed++;
                case EXPIRED -> expired++;
                case SUBMIT_UNKNOWN -> unknown++;
                case CANCELED -> canceled++;
            }
        }
        return new JobCounts(running, queued, done, failed, expired, unknown, canceled);
    }

    /** Jobs that ended without a video: failed, expired or of unknown submit outcome. */
    public int endedWithoutVideo() {
        return failed + expired + unknown;
    }

    public boolean active() {
        return running + queued > 0;
    }

    public boolean any() {
        return running + queued + done + endedWithoutVideo() + canceled > 0;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (running > 0) parts.add(running + " running");
        if (queued > 0) parts.add(queued + " queued");
        if (done > 0) parts.add(done + " done");
        if (endedWithoutVideo() > 0) parts.add(endedWithoutVideo() + " failed");
        if (canceled > 0) parts.add(canceled + " canceled");
        return String.join(" · ", parts);
    }
}
