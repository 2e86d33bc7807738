package dev.jimeng.sandbox;

/**
 * The {@code data.status} the sandbox serves for a task, as the wire strings the real service
 * sends. The sandbox keeps its own copy rather than borrowing the client's enum, so it stays an
 * independent server: it depends on signing and the capability table, never on the client.
 */
enum ServedStatus {
    IN_QUEUE("in_queue"),
    GENERATING("generating"),
    DONE("done"),
    /** Unknown task id. */
    NOT_FOUND("not_found"),
    EXPIRED("expired");

    private final String wire;

    ServedStatus(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
