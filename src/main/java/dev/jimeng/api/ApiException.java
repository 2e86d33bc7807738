package dev.jimeng.api;

/** A failed API call; {@link #error()} says why and what to do. */
public class ApiException extends Exception {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.describe());
        this.error = error;
    }

    public ApiException(ApiError error, Throwable cause) {
        super(error.describe(), cause);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
