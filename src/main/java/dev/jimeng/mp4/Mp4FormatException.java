package dev.jimeng.mp4;

import java.io.IOException;

/** A file that is not an MP4, or not one whose boxes jimeng can rewrite safely; the message says which. */
public final class Mp4FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public Mp4FormatException(String message) {
        super(message);
    }
}
