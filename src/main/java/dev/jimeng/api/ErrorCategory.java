package dev.jimeng.api;

/** Coarse classes of failure; each maps to one exit code. */
public enum ErrorCategory {
    CONTENT_REVIEW,
    AUTH,
    RATE_LIMIT,
    TIMEOUT,
    NETWORK,
    SERVER,
    BAD_REQUEST,
    TASK_GONE,
    PROTOCOL
}
