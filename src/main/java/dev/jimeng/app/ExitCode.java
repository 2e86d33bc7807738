package dev.jimeng.app;

import dev.jimeng.api.ErrorCategory;

/** jimeng's exit codes, named; {@code jimeng --help} and README's table list them with these meanings. */
public enum ExitCode {
    OK(0, "the video is on disk (or the command did what it said)"),
    INTERNAL(1, "a bug in jimeng or an unexpected server answer; run again with --verbose"),
    BAD_INPUT(2, "the command line, an image or a setting is wrong, or credentials are missing; nothing was sent"),
    CONTENT_REJECTED(3, "the prompt, an image or the output failed the API's content review"),
    AUTH(4, "credentials refused (wrong key, bad signature) or the clock is off"),
    RATE_OR_TIMEOUT(5, "QPS or concurrency limit, or a timeout"),
    NETWORK(6, "the API could not be reached"),
    TASK_FAILED(7, "the task failed at the server, expired, or its submit outcome is unknown"),
    CANCELED(8, "the job was canceled (or is no longer tracked) at the user's word"),
    NOT_JOURNALED(
            9,
            "the server accepted (and billed) a task the job journal could not record; run the printed jimeng attach command"),
    JOURNAL_DAMAGED(
            10, "the job journal is damaged; the message names the file and how to start a fresh one, keeping the old"),
    NO_ROOM(
            11,
            "JIMENG_HOME is full or cannot be written; free space, fix its permissions or set JIMENG_HOME elsewhere"),
    OUT_OF_MEMORY(12, "jimeng ran out of memory (an answer too large to hold); the message says what to do"),
    INTERRUPTED(130, "stopped by Ctrl-C; a job already sent goes on at the server, and jimeng wait picks it up");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(ErrorCategory category) {
        return switch (category) {
            case CONTENT_REVIEW -> CONTENT_REJECTED;
            case AUTH -> AUTH;
            case RATE_LIMIT, TIMEOUT -> RATE_OR_TIMEOUT;
            case NETWORK -> NETWORK;
            case SERVER, TASK_GONE -> TASK_FAILED;
            case BAD_REQUEST -> BAD_INPUT;
            case PROTOCOL -> INTERNAL;
        };
    }
}
