package dev.jimeng.config;

/** A value or key that is not accepted; the message is one line naming the problem and the fix. */
public class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
        super(message);
    }
}
