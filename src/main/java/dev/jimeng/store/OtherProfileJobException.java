package dev.jimeng.store;

/**
 * A job looked up by id belongs to another profile than the one in use: it is not shown or driven
 * here (its task may only be polled with its own profile's keys); the message names the option that
 * reaches it.
 */
public class OtherProfileJobException extends IllegalArgumentException {
    public OtherProfileJobException(String id, String jobProfile, String activeProfile) {
        super("job " + id + " belongs to profile " + jobProfile + ", not " + activeProfile + ": add --profile "
                + jobProfile);
    }
}
