package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.util.Comparator;

/** The orders {@code s} cycles through. Ties always fall back to newest first. */
public enum SortOrder {
    NEWEST("newest", Comparator.comparing(JobSnapshot::createdAt).reversed()),
    OLDEST("oldest", Comparator.comparing(JobSnapshot::createdAt)),
    STATUS("status", Comparator.comparingInt((JobSnapshot j) -> statusRank(j.state()))),
    MODE("mode", Comparator.comparing((JobSnapshot j) -> j.request().mode()));

    private final String label;
    private final Comparator<JobSnapshot> comparator;

    SortOrder(String label, Comparator<JobSnapshot> primary) {
        this.label = label;
        this.comparator = primary.thenComparing(JobSnapshot::createdAt, Comparator.reverseOrder())
                .thenComparing(JobSnapshot::id, Comparator.reverseOrder());
    }

    public String label() {
        return label;
    }

    public Comparator<JobSnapshot> comparator() {
        return comparator;
    }

    public SortOrder next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** Work in progress first, then what needs attention, then what is finished. */
    private static int statusRank(JobState state) {
        return switch (state) {
            case DOWNLOADING -> 0;
            case GENERATING -> 1;
            case IN_QUEUE -> 2;
            case SUBMITTING -> 3;
            case QUEUED -> 4;
            case SUBMIT_UNKNOWN -> 5;
            case FAILED -> 6;
            case EXPIRED -> 7;
            case DONE -> 8;
            case CANCELED -> 9;
        };
    }
}
