package dev.jimeng.sandbox;

/**
 * Errors of Volcengine's API gateway, answered before a request reaches the service, in the
 * {@code ResponseMetadata.Error} envelope with no {@code code} field.
 */
public enum GatewayError {
    MISSING_PARAMETER(100002, "MissingParameter", 400),
    MISSING_REQUEST_INFO(100004, "MissingRequestInfo", 400),
    INVALID_TIMESTAMP(100006, "InvalidTimestamp", 400),
    SERVICE_NOT_FOUND(100007, "ServiceNotFound", 404),
    INVALID_ACTION_OR_VERSION(100008, "InvalidActionOrVersion", 404),
    INVALID_ACCESS_KEY(100009, "InvalidAccessKey", 401),
    SIGNATURE_DOES_NOT_MATCH(100010, "SignatureDoesNotMatch", 401),
    ACCESS_DENIED(100013, "AccessDenied", 403),
    INTERNAL_ERROR(100014, "InternalError", 500);

    private final int codeN;
    private final String code;
    private final int httpStatus;

    GatewayError(int codeN, String code, int httpStatus) {
        this.codeN = codeN;
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int codeN() {
        return codeN;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    GatewayException with(String message) {
        return new GatewayException(this, message);
    }

    /** Thrown inside the sandbox to answer with a gateway envelope. */
    static final class GatewayException extends Exception {
        private static final long serialVersionUID = 1L;
        private final GatewayError error;

        GatewayException(GatewayError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }

        GatewayError error() {
            return error;
        }
    }
}
