package dev.jimeng.request;

/** The bytes are not a JPEG or PNG whose size can be read; the message says what they look like instead. */
public class ImageFormatException extends RuntimeException {
    public ImageFormatException(String message) {
        super(message);
    }
}
