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
 * server. A new fact about a code changes one line here.
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

    private static final String API_URL_HINT =
            "check JIMENG_VIDEO_API_URL (unset it to use https://visual.volcengineapi.com)";
    private static final String TRY_LATER = "a temporary server problem: jimeng backs off and tries again";
    private static final String NEW_SUBMIT = "a new submit (billed again) may pass, ideally with a milder prompt: "
            + "run it again only if you want to pay for another try";

    private static final List<Entry> ENTRIES = List.of(
            // Business codes (api-reference.md, "Business errors").
            business(
                    50411,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the input image failed the content review",
                    "use a different image: this one failed the image content review"),
            business(
                    50511,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.RESUBMIT,
                    "the generated image failed the content review",
                    NEW_SUBMIT),
            business(
                    50412,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the prompt failed the text content review",
                    "rephrase the prompt: it failed the text content review"),
            business(
                    50512,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the generated text failed the content review",
                    "rephrase the prompt: the text produced from it failed the content review"),
            business(
                    50413,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the prompt contains sensitive or copyrighted terms",
                    "remove brand names, famous characters and other sensitive terms from the prompt"),
            business(
                    50516,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.RESUBMIT,
                    "the generated video failed the content review",
                    NEW_SUBMIT),
            business(
                    50517,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.RESUBMIT,
                    "the generated audio failed the content review",
                    NEW_SUBMIT),
            business(
                    50518,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the input image failed the copyright check",
                    "use an image you own that shows no copyrighted characters or logos"),
            business(
                    50519,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.RESUBMIT,
                    "the generated image failed the copyright check",
                    NEW_SUBMIT),
            business(
                    50520,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the content review service failed on this request",
                    "change the prompt or image, or try again later by hand"),
            business(
                    50521,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the copyright word check service failed on this request",
                    "change the wording of the prompt, or try again later by hand"),
            business(
                    50522,
                    400,
                    ErrorCategory.CONTENT_REVIEW,
                    Retry.NEVER,
                    "the copyright image check service failed on this request",
                    "use another image, or try again later by hand"),
            business(
                    50429,
                    429,
                    ErrorCategory.RATE_LIMIT,
                    Retry.BACKOFF,
                    "too many requests per second (QPS limit)",
                    "wait a moment: jimeng slows down and tries again"),
            business(
                    50430,
                    429,
                    ErrorCategory.RATE_LIMIT,
                    Retry.WAIT_FOR_SLOT,
                    "too many tasks running at once (concurrency limit)",
                    "wait for a running task to finish, or ask Volcengine for a higher concurrency quota"),
            business(50500, 500, ErrorCategory.SERVER, Retry.BACKOFF, "internal server error", TRY_LATER),
            business(50501, 500, ErrorCategory.SERVER, Retry.BACKOFF, "internal server error", TRY_LATER),
            // Gateway codes (ResponseMetadata.Error).
            gateway(
                    "MissingParameter",
                    100002,
                    400,
                    ErrorCategory.BAD_REQUEST,
                    Retry.NEVER,
                    "the request lacks a required parameter",
                    API_URL_HINT + "; if it is right, report this jimeng bug with --verbose output"),
            gateway(
                    "MissingRequestInfo",
                    100004,
                    400,
                    ErrorCategory.BAD_REQUEST,
                    Retry.NEVER,
                    "the request lacks its signing information (X-Date or Authorization)",
                    "check that no proxy strips request headers, and " + API_URL_HINT),
            gateway(
                    "InvalidTimestamp",
                    100006,
                    400,
                    ErrorCategory.AUTH,
                    Retry.NEVER,
                    "the request time is too far from the server's clock",
                    "the computer's clock is off: sync it (e.g. timedatectl set-ntp true)"),
            gateway(
                    "ServiceNotFound",
                    100007,
                    404,
                    ErrorCategory.BAD_REQUEST,
                    Retry.NEVER,
                    "no such service at this address",
                    API_URL_HINT),
            gateway(
                    "InvalidActionOrVersion",
                    100008,
                    404,
                    ErrorCategory.BAD_REQUEST,
                    Retry.NEVER,
                    "the API action or version is unknown at this address",
                    API_URL_HINT),
            gateway(
                    "InvalidAccessKey",
                    100009,
                    401,
                    ErrorCategory.AUTH,
                    Retry.NEVER,
                    "the access key is not valid",
                    "check VOLC_ACCESSKEY: it must be an active access key id from the Volcengine console"),
            gateway(
                    "SignatureDoesNotMatch",
                    100010,
                    401,
                    ErrorCategory.AUTH,
                    Retry.NEVER,
                    "the request signature does not match",
                    "check VOLC_SECRETKEY: it must be the secret of VOLC_ACCESSKEY, with no extra spaces"),
            gateway(
                    "AccessDenied",
                    100013,
                    403,
                    ErrorCategory.AUTH,
                    Retry.NEVER,
                    "this account or key may not use the video service",
                    "enable Jimeng video generation for the account and allow the key to call the cv service "
                            + "in the Volcengine console"),
            gateway(
                    "InternalError",
                    100014,
                    500,
                    ErrorCategory.SERVER,
                    Retry.BACKOFF,
                    "the API gateway had an internal error",
                    TRY_LATER));

    private static final Map<String, Entry> BY_CODE = index();

    private ErrorCatalog() {}

    /** All known server codes, business codes first. */
    public static List<Entry> all() {
        return ENTRIES;
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
            hint = "a proxy or the server is having trouble: jimeng backs off and tries again";
        } else if (httpStatus == 401 || httpStatus == 403) {
            category = ErrorCategory.AUTH;
            retry = Retry.NEVER;
            hint = "a proxy refused the request: " + API_URL_HINT;
        } else if (refused) {
            category = ErrorCategory.BAD_REQUEST;
            retry = Retry.NEVER;
            hint = API_URL_HINT;
        } else {
            category = ErrorCategory.PROTOCOL;
            retry = Retry.BACKOFF;
            hint = API_URL_HINT;
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

    /** A JSON answer that breaks the documented protocol. */
    public static ApiError protocol(
            String what, int httpStatus, Retry retry, String hint, String requestId, boolean mayHaveReachedServer) {
        return new ApiError(
                "protocol", httpStatus, ErrorCategory.PROTOCOL, retry, what, hint, requestId, mayHaveReachedServer);
    }

    // ---- helpers ----

    private static Entry business(
            int code, int http, ErrorCategory category, Retry retry, String meaning, String hint) {
        return new Entry(Integer.toString(code), 0, http, category, retry, meaning, hint);
    }

    private static Entry gateway(
            String code, int number, int http, ErrorCategory category, Retry retry, String meaning, String hint) {
        return new Entry(code, number, http, category, retry, meaning, hint);
    }

    private static Map<String, Entry> index() {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
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
            return new Entry(code, 0, httpStatus, ErrorCategory.SERVER, Retry.BACKOFF, meaning, TRY_LATER);
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
