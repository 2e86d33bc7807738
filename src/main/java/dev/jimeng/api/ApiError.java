package dev.jimeng.api;

/**
 * A failure of one API call, classified.
 *
 * @param code the business code (e.g. "50412"), gateway code (e.g. "SignatureDoesNotMatch"),
 *     "timeout", "connection", "http-NNN" (a non-JSON answer), "protocol" (a JSON answer that breaks
 *     the documented protocol) or "interrupted"
 * @param httpStatus 0 when no response arrived
 * @param message what the server said, or what went wrong
 * @param hint what the user can do, one sentence
 * @param requestId the server's request id when known
 * @param mayHaveReachedServer true when the request may have been accepted although no answer
 *     came (a submit in this state must never be repeated automatically)
 */
public record ApiError(
        String code,
        int httpStatus,
        ErrorCategory category,
        Retry retry,
        String message,
        String hint,
        String requestId,
        boolean mayHaveReachedServer) {

    /** One line for the user: code, meaning and what to do. */
    public String describe() {
        String line = code + ": " + message + (hint == null || hint.isBlank() ? "" : " — " + hint);
        return line.replaceAll("[\\r\\n]+", " ");
    }
}
