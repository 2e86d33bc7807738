package dev.jimeng.api;

import java.util.Arrays;

/** The {@code data.status} of CVSync2AsyncGetResult. */
public enum TaskStatus {
    IN_QUEUE("in_queue"),
    GENERATING("generating"),
    DONE("done"),
    /** Unknown task id, or older than 12 hours. */
    NOT_FOUND("not_found"),
    EXPIRED("expired");

    private final String wire;

    TaskStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == DONE || this == NOT_FOUND || this == EXPIRED;
    }

    public static TaskStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task status: " + value));
    }
}
