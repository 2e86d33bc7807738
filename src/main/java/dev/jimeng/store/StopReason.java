package dev.jimeng.store;

/**
 * Why a job stopped short of "done", as the engine records it. What may be done next follows from
 * this (see {@code dev.jimeng.job.NextSteps}); the words and commands shown for it live in the view.
 */
public enum StopReason {
    /** The user canceled it before it was sent: nothing was billed. */
    CANCELED("canceled"),
    /** The user stopped tracking a task the server had accepted (billed); its video is not fetched. */
    FORGOTTEN("forgotten"),
    /** The server refused the submit (limits, errors, bad parameters, credentials): nothing billed. */
    NOT_ACCEPTED("not_accepted"),
    /** The request cannot be built any more (an image is gone or changed): fix the input. */
    INVALID_REQUEST("invalid_request"),
    /** A content review refused the prompt, an image or the output: sending it again fails again. */
    CONTENT_REJECTED("content_rejected"),
    /** The submit may have reached the server (and been billed) but no answer came back. */
    SUBMIT_UNKNOWN("submit_unknown"),
    /** Polling stopped (time limit, repeated errors): the task may still finish at the server. */
    POLL_GAVE_UP("poll_gave_up"),
    /** The server's final word on the task was a failure. */
    TASK_FAILED("task_failed"),
    /** The server no longer knows the task or its result (12 hours after submit). */
    TASK_GONE("task_gone"),
    /** The video was made but could not be saved: a fresh link can be fetched within 12 hours. */
    DOWNLOAD_FAILED("download_failed"),
    /**
     * The server accepted (and billed) the task but the journal could not record its id (locked, full
     * disk): only the user has it now, and {@code jimeng attach} records it. Never journaled itself.
     */
    NOT_JOURNALED("not_journaled"),
    /** A bug in jimeng stopped the job. */
    INTERNAL("internal");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason with this label, or null for null (jobs that have not stopped). */
    public static StopReason fromLabel(String label) {
        if (label == null) {
            return null;
        }
        for (StopReason r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown stop reason: " + label);
    }
}
