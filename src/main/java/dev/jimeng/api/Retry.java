package dev.jimeng.api;

/** What can be done about a failed call. */
public enum Retry {
    /** Trying again gives the same answer: the input or the account must change. */
    NEVER,
    /** The task failed at the server; only a new (billed) submit, on the user's word, can help. */
    RESUBMIT,
    /** Transient: the same call may be repeated after a back-off (QPS limit, 5xx, network). */
    BACKOFF,
    /** Too many tasks running: wait until one of ours finishes, then submit. */
    WAIT_FOR_SLOT
}
