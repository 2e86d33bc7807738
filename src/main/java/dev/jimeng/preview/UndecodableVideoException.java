package dev.jimeng.preview;

/** JCodec could not give a frame of this file: the caller says so in one line and shows nothing. */
public final class UndecodableVideoException extends Exception {
    public UndecodableVideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
