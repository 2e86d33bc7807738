package dev.jimeng.store;

/** The journal could not be read or written (disk, permissions, a newer schema). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
