package dev.jimeng.store;

/** Where a job is in its story: queued → submitting → in_queue → generating → downloading → done. */
public enum JobState {
    /** Waiting locally for a free slot; nothing sent yet. */
    QUEUED("queued"),
    SUBMITTING("submitting"),
    /**
     * The submit may have reached the server but no answer came back. Never re-submitted
     * automatically: the user decides with {@code jimeng retry}.
     */
    SUBMIT_UNKNOWN("submit_unknown"),
    IN_QUEUE("in_queue"),
    GENERATING("generating"),
    DOWNLOADING("downloading"),
    DONE("done"),
    FAILED("failed"),
    /** The server no longer knows the task (older than 12 hours, or its result expired). */
    EXPIRED("expired"),
    /**
     * Ended by the user: canceled before it was sent (never billed, never sent by a later start), or
     * a task at the server the user stopped tracking.
     */
    CANCELED("canceled");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == DONE || this == FAILED || this == EXPIRED || this == SUBMIT_UNKNOWN || this == CANCELED;
    }

    /** True while the task occupies one of the server's concurrency slots. */
    public boolean holdsServerSlot() {
        return this == SUBMITTING || this == IN_QUEUE || this == GENERATING;
    }

    public static JobState fromLabel(String label) {
        for (JobState s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job state: " + label);
    }
}
