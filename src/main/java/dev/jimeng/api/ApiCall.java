package dev.jimeng.api;

import java.time.Instant;

/**
 * One API call as the support log and {@code --verbose} show it. Nothing here is secret: ids and
 * codes from the server are cut to the characters such values have, so no server text reaches a log
 * unescaped.
 *
 * @param httpStatus "-" when no answer arrived
 * @param code the business or gateway code, "10000" for success
 */
public record ApiCall(
        Instant at,
        ApiAction action,
        String reqKey,
        String taskId,
        String requestId,
        String httpStatus,
        String code,
        long elapsedMillis) {

    /** {@code CVSync2AsyncGetResult req_key=… task_id=… request_id=… http=200 code=10000 elapsed=12ms}. */
    public String line() {
        return action.wire() + " req_key=" + token(reqKey) + " task_id=" + token(taskId) + " request_id="
                + token(requestId) + " http=" + httpStatus + " code=" + token(code) + " elapsed=" + elapsedMillis
                + "ms";
    }

    /** Only the characters an id or code has, at most 64 of them; "-" for none. */
    static String token(String value) {
        String safe = value == null ? "" : value.replaceAll("[^A-Za-z0-9_.:-]", "");
        return safe.isEmpty() ? "-" : safe.substring(0, Math.min(safe.length(), 64));
    }
}
