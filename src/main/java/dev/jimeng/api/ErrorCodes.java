package dev.jimeng.api;

import dev.jimeng.api.ErrorCatalog.Entry;
import java.util.List;

/**
 * The table behind {@link ErrorCatalog}: one entry per code the server documents, with what it
 * means, whether trying again can help and what the user should do. A new fact about a code changes
 * one line here.
 */
final class ErrorCodes {
    static final String API_URL_HINT = "check JIMENG_VIDEO_API_URL (unset it to use https://visual.volcengineapi.com)";
    static final String TRY_LATER = "a temporary server problem: jimeng backs off and tries again";
    private static final String NEW_SUBMIT = "a new submit (billed again) may pass, ideally with a milder prompt: "
            + "run it again only if you want to pay for another try";

    /** All known server codes, business codes first. */
    static final List<Entry> ALL = List.of(
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

    private ErrorCodes() {}

    private static Entry business(
            int code, int http, ErrorCategory category, Retry retry, String meaning, String hint) {
        return new Entry(Integer.toString(code), 0, http, category, retry, meaning, hint);
    }

    private static Entry gateway(
            String code, int number, int http, ErrorCategory category, Retry retry, String meaning, String hint) {
        return new Entry(code, number, http, category, retry, meaning, hint);
    }
}
