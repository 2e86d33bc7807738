package dev.jimeng.api;

import dev.jimeng.time.Seconds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error code jimeng knows, as data: business codes (outer {@code code} of a response), gateway
 * codes ({@code ResponseMetadata.Error}) and the errors that come from the transport rather than the
 * server. The codes themselves are a table in {@link ErrorCodes}: a new fact about a code changes
 * one line there. This class looks codes up, picks a default for an unknown one, and builds the
 * errors that carry no code.
 */
public final class ErrorCatalog {

    /**
     * One known code.
     *
     * @param code the code as it appears in {@link ApiError#code()}: "50412" or "SignatureDoesNotMatch"
     * @param gatewayNumber the gateway's {@code CodeN} (e.g. 100010), 0 for business codes
     * @param httpStatus the HTTP status the server documents for it
     * @param meaning plain English, lower case, no final period
     * @param hint what the user should do, one sentence
     */
    public record Entry(
            String code,
            int gatewayNumber,
            int httpStatus,
            ErrorCategory category,
            Retry retry,
            String meaning,
            String hint) {

        public boolean gateway() {
            return gatewayNumber != 0;
        }

        /** This entry as the error of one response. */
        public ApiError toError(int actualHttpStatus, String serverMessage, String requestId) {
            return new ApiError(
                    code,
                    actualHttpStatus,
                    category,
                    retry,
                    withServerMessage(meaning, serverMessage),
                    hint,
                    requestId,
                    false);
        }
    }

    private static final Map<String, Entry> BY_CODE = index();

    private ErrorCatalog() {}

    /** All known server codes, business codes first. */
    public static List<Entry> all() {
        return ErrorCodes.ALL;
    }

    /** The entry of a business code, gateway code name or gateway number ("100010"). */
    public static Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /**
     * The entry for a code, or for an unknown code a default chosen from the HTTP status: 5xx and 429
     * back off, other statuses never retry.
     */
    public static Entry entryFor(String code, int httpStatus) {
        return find(code).orElseGet(() -> unknown(code, httpStatus));
    }

    /** The error of a server answer carrying {@code code}. */
    public static ApiError error(String code, int httpStatus, String serverMessage, String requestId) {
        return entryFor(code, httpStatus).toError(httpStatus, serverMessage, requestId);
    }

    // ---- errors that did not come as a code from the server ----

    /** No answer within the request timeout. A submit may still have been accepted. */
    public static ApiError timeout(Duration timeout, boolean submit) {
        return new ApiError(
                "timeout",
                0,
                ErrorCategory.TIMEOUT,
                Retry.BACKOFF,
                "no answer within " + Seconds.format(timeout) + " s",
                "increase JIMENG_VIDEO_API_TIMEOUT (seconds), or check the network",
                null,
                submit);
    }

    /**
     * An answer bigger than any the API gives (real ones are a few KiB): refused after reading at
     * most {@code limit} + 1 bytes. A submit answered this way may have been accepted upstream.
     */
    public static ApiError answerTooLarge(long limit, boolean submit) {
        String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit + " bytes";
        return new ApiError(
                "answer-too-large",
                0,
                ErrorCategory.PROTOCOL,
                Retry.NEVER,
                "the API answer is larger than " + size + ", far more than any Jimeng answer; not read further",
                submit
                        ? "the task may have been accepted, so look for it before submitting again; "
                                + ErrorCodes.API_URL_HINT
                        : ErrorCodes.API_URL_HINT,
                null,
                submit);
    }

    /** The connection could not even be opened (refused, unknown host, connect timeout). */
    public static ApiError connectFailed(String detail, ErrorCategory category) {
        return new ApiError(
                "connection",
                0,
                category,
                Retry.BACKOFF,
                "could not connect to the API" + detail(detail),
                "check the network and JIMENG_VIDEO_API_URL (unset it to use https://visual.volcengineapi.com)",
                null,
                false);
    }

    /** The connection broke after the request may have been written. */
    public static ApiError connectionDropped(String detail, boolean submit) {
        return new ApiError(
                "connection",
                0,
                ErrorCategory.NETWORK,
                Retry.BACKOFF,
                "the connection broke before an answer arrived" + detail(detail),
                submit
                        ? "check the network; the task may have been accepted, so look for it before submitting again"
                        : "check the network: jimeng tries again",
                null,
                submit);
    }

    /**
     * An answer that is not JSON (an HTML page from a proxy, an empty body). A submit that got a
     * 2xx or 5xx this way may have been accepted upstream; a 4xx was refused.
     */
    public static ApiError nonJson(int httpStatus, boolean submit) {
        boolean refused = httpStatus >= 400 && httpStatus < 500;
        ErrorCategory category;
        Retry retry;
        String hint;
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            category = httpStatus == 429 ? ErrorCategory.RATE_LIMIT : ErrorCategory.SERVER;
            retry = Retry.BACKOFF;
            // a submit behind a failing proxy may have been taken: it is never sent again on its own
            hint = submit && httpStatus != 429
                    ? "a proxy or the server is having trouble; the task may have been accepted behind it, so"
                            + " jimeng does not send it again: look for it in the Volcengine console first"
                    : "a proxy or the server is having trouble: jimeng backs off and tries again";
        } else if (httpStatus == 401 || httpStatus == 403) {
            category = ErrorCategory.AUTH;
            retry = Retry.NEVER;
            hint = "a proxy refused the request: " + ErrorCodes.API_URL_HINT;
        } else if (refused) {
            category = ErrorCategory.BAD_REQUEST;
            retry = Retry.NEVER;
            hint = ErrorCodes.API_URL_HINT;
        } else {
            category = ErrorCategory.PROTOCOL;
            retry = Retry.BACKOFF;
            hint = ErrorCodes.API_URL_HINT;
        }
        return new ApiError(
                "http-" + httpStatus,
                httpStatus,
                category,
                retry,
                "HTTP " + httpStatus + " with a body that is not a JSON API answer (e.g. a proxy error page)",
                hint,
                null,
                submit && !refused && httpStatus != 429);
    }

    /**
     * jimeng ran out of memory reading an answer (far larger than any API answer): not a network
     * problem, and not worth trying again. A submit's answer was lost, so it may have been accepted.
     */
    public static ApiError outOfMemory(boolean submit) {
        return new ApiError(
                OUT_OF_MEMORY,
                0,
                ErrorCategory.PROTOCOL,
                Retry.NEVER,
                "jimeng ran out of memory reading the API's answer (far larger than an API answer should be)",
                "not a network problem: check that JIMENG_VIDEO_API_URL points at the Jimeng API"
                        + (submit ? "; the task may have been accepted, so look for it before submitting again" : ""),
                null,
                submit);
    }

    /** The code of {@link #outOfMemory}. */
    public static final String OUT_OF_MEMORY = "out-of-memory";

    /** A JSON answer that breaks the documented protocol. */
    public static ApiError protocol(
            String what, int httpStatus, Retry retry, String hint, String requestId, boolean mayHaveReachedServer) {
        return new ApiError(
                "protocol", httpStatus, ErrorCategory.PROTOCOL, retry, what, hint, requestId, mayHaveReachedServer);
    }

    // ---- helpers ----

    private static Map<String, Entry> index() {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : ErrorCodes.ALL) {
            map.put(e.code(), e);
            if (e.gateway()) {
                map.put(Integer.toString(e.gatewayNumber()), e);
            }
        }
        return Map.copyOf(map);
    }

    private static Entry unknown(String code, int httpStatus) {
        String meaning = "an error code jimeng does not know";
        if (httpStatus == 429) {
            return new Entry(
                    code,
                    0,
                    httpStatus,
                    ErrorCategory.RATE_LIMIT,
                    Retry.BACKOFF,
                    meaning,
                    "wait a moment: jimeng slows down and tries again");
        }
        if (httpStatus >= 500) {
            return new Entry(code, 0, httpStatus, ErrorCategory.SERVER, Retry.BACKOFF, meaning, ErrorCodes.TRY_LATER);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new Entry(
                    code,
                    0,
                    httpStatus,
                    ErrorCategory.AUTH,
                    Retry.NEVER,
                    meaning,
                    "check VOLC_ACCESSKEY and VOLC_SECRETKEY, and the account's permissions");
        }
        return new Entry(
                code,
                0,
                httpStatus,
                ErrorCategory.BAD_REQUEST,
                Retry.NEVER,
                meaning,
                "read the server's message above; run with --verbose for details");
    }

    static String withServerMessage(String meaning, String serverMessage) {
        String said = oneLine(serverMessage, 160);
        if (said.isEmpty() || said.equalsIgnoreCase(meaning) || said.equalsIgnoreCase("success")) {
            return meaning;
        }
        return meaning + " (server: " + said + ")";
    }

    /** Collapses whitespace and control characters to single spaces and cuts to {@code max} chars. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String detail(String detail) {
        String d = oneLine(detail, 120);
        return d.isEmpty() ? "" : " (" + d + ")";
    }
}
