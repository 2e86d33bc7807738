package dev.jimeng.job;

/** Why the engine will not do what was asked with a job; the view turns it into words and commands. */
public enum Refusal {
    /** The job is still on its way; it needs no retry or download yet. */
    STILL_RUNNING,
    /** The submit is on the wire right now: it can no longer be canceled. */
    BEING_SENT,
    /** The task is at the server (billed) and this API cannot stop it; --forget stops tracking it. */
    AT_SERVER,
    /** The job has already ended; there is nothing to cancel. */
    ALREADY_ENDED,
    /** The job never reached the server: there is nothing to ask it or download. */
    NEVER_SENT,
    /** It is unknown whether the server took the job: a new submit may bill twice. */
    OUTCOME_UNKNOWN,
    /** The server gave its final answer; asking again gives the same one. */
    SAME_ANSWER,
    /** The server no longer keeps the task (12 hours after submit). */
    TASK_GONE,
    /** A content review or an unusable input stopped it: the same request fails the same way. */
    CHANGE_THE_REQUEST,
    /** Another jimeng process (or this one) is working on the job now. */
    BUSY
}
