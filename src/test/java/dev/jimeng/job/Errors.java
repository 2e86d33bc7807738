package dev.jimeng.job;

import dev.jimeng.api.ApiError;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.Retry;

/** The API errors the engine must handle, as the real client classifies them. */
final class Errors {
    private Errors() {}

    static ApiError concurrencyLimit() {
        return new ApiError(
                "50430", 429, ErrorCategory.RATE_LIMIT, Retry.WAIT_FOR_SLOT, "concurrency limit", "", "r", false);
    }

    static ApiError qpsLimit() {
        return new ApiError("50429", 429, ErrorCategory.RATE_LIMIT, Retry.BACKOFF, "QPS limit", "", "r", false);
    }

    static ApiError internal() {
        return new ApiError("50500", 500, ErrorCategory.SERVER, Retry.BACKOFF, "internal error", "", "r", false);
    }

    static ApiError readTimeoutAfterSending() {
        return new ApiError("timeout", 0, ErrorCategory.TIMEOUT, Retry.NEVER, "no answer within 30 s", "", null, true);
    }

    static ApiError connectionRefused() {
        return new ApiError(
                "connection", 0, ErrorCategory.NETWORK, Retry.BACKOFF, "connection refused", "", null, false);
    }

    static ApiError videoReview() {
        return new ApiError(
                "50516",
                400,
                ErrorCategory.CONTENT_REVIEW,
                Retry.RESUBMIT,
                "output video failed review",
                "a new submit may pass",
                "r",
                false);
    }

    static ApiError inputTextReview() {
        return new ApiError(
                "50412", 400, ErrorCategory.CONTENT_REVIEW, Retry.NEVER, "input text failed review", "", "r", false);
    }
}
