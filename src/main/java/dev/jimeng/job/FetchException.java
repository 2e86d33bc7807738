package dev.jimeng.job;

/** A download that did not complete. The message never contains the signed URL. */
public class FetchException extends Exception {
    /** What the engine can do about it. */
    public enum Kind {
        /** The signed URL is no longer valid: ask get-result for a fresh one. */
        URL_EXPIRED,
        /** Timeouts, resets, 5xx: the same URL may work after a back-off. */
        TRANSIENT,
        /** Disk full, no permission, 404, a video past its size limit: trying again now will not help. */
        FATAL,
        /** The link served something that is not a video (an HTML page): at most one fresh link may help. */
        NOT_VIDEO
    }

    private final Kind kind;
    private final int httpStatus;

    public FetchException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public FetchException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** 0 when no HTTP answer came. */
    public int httpStatus() {
        return httpStatus;
    }
}
