package dev.jimeng.sandbox;

import java.util.Map;

/**
 * A service-level answer in the business shape ({@code code}, {@code message}, {@code data: null}).
 * The reference lists no generic invalid-parameter code, so the sandbox uses {@value
 * #INVALID_PARAMETER} with HTTP 400 and a message starting "Invalid Parameter:".
 */
public record BusinessError(int httpStatus, int code, String message) {
    public static final int INVALID_PARAMETER = 50400;
    public static final int TEXT_RISK = 50412;
    public static final int OUTPUT_VIDEO_RISK = 50516;
    public static final int QPS_LIMIT = 50429;
    public static final int CONCURRENCY_LIMIT = 50430;
    public static final int INTERNAL_ERROR = 50500;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(50411, "Pre Img Risk Not Pass"),
            Map.entry(50511, "Post Img Risk Not Pass"),
            Map.entry(TEXT_RISK, "Text Risk Not Pass"),
            Map.entry(50512, "Post Text Risk Not Pass"),
            Map.entry(50413, "Post Text Risk Not Pass: sensitive or copyright terms"),
            Map.entry(OUTPUT_VIDEO_RISK, "Post Video Risk Not Pass"),
            Map.entry(50517, "Post Audio Risk Not Pass"),
            Map.entry(50518, "Pre Img Copyright Check Not Pass"),
            Map.entry(50519, "Post Img Copyright Check Not Pass"),
            Map.entry(50520, "Risk Internal Error"),
            Map.entry(50521, "Copyright Word Internal Error"),
            Map.entry(50522, "Copyright Image Internal Error"),
            Map.entry(QPS_LIMIT, "Request Has Reached API Limit, Please Try Later"),
            Map.entry(CONCURRENCY_LIMIT, "Request Has Reached API Concurrent Limit, Please Try Later"),
            Map.entry(INTERNAL_ERROR, "Internal Error"),
            Map.entry(50501, "Internal RPC Error"));

    /** The error for a known code with its documented HTTP status (400 for unknown codes). */
    public static BusinessError of(int code) {
        int status =
                switch (code) {
                    case QPS_LIMIT, CONCURRENCY_LIMIT -> 429;
                    case INTERNAL_ERROR, 50501 -> 500;
                    default -> 400;
                };
        return new BusinessError(status, code, MESSAGES.getOrDefault(code, "Error " + code));
    }

    public static BusinessError invalidParameter(String detail) {
        return new BusinessError(400, INVALID_PARAMETER, "Invalid Parameter: " + detail);
    }

    BusinessException exception() {
        return new BusinessException(this);
    }

    /** Thrown inside the sandbox to answer with this business error. */
    static final class BusinessException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BusinessError error;

        BusinessException(BusinessError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        BusinessError error() {
            return error;
        }
    }
}
