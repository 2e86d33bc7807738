package dev.jimeng.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The journal could not be read or written (disk, permissions, a damaged file, a newer schema). */
public class StoreException extends RuntimeException {
    /** What is wrong, as far as the user can act on it. */
    public enum Problem {
        /** The file is not a (sound) SQLite database: garbage, truncated, overwritten. */
        DAMAGED,
        /** Its disk is full, or the file or its folder cannot be written (permissions, read-only). */
        UNWRITABLE,
        /** Anything else (a lock held too long, a newer schema, a bug). */
        OTHER
    }

    private final Problem problem;

    public StoreException(String message, Throwable cause) {
        this(Problem.OTHER, message, cause);
    }

    public StoreException(String message) {
        this(Problem.OTHER, message, null);
    }

    private StoreException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The failure of {@code what} on the journal {@code file}, as one line that names the file and
     * the fix when the user can fix it: a damaged file is kept (moved aside, never deleted), a full
     * or unwritable folder is named.
     */
    static StoreException of(Path file, String what, Exception cause) {
        Problem problem = classify(cause);
        String detail = detail(cause);
        String message =
                switch (problem) {
                    case DAMAGED ->
                        "the job journal " + file + " is damaged (" + detail + "); jimeng left it as it is. To start"
                                + " a fresh journal and keep the old one, move it aside: mv " + file + " " + file
                                + ".damaged (with its -wal and -shm files, if any), then run jimeng again";
                    case UNWRITABLE ->
                        "the job journal " + file + " cannot be written (" + detail + "): free space on its disk or"
                                + " make " + file.getParent() + " writable, or set JIMENG_HOME to another folder";
                    case OTHER -> what + " " + file + ": " + detail;
                };
        return new StoreException(problem, message, cause);
    }

    private static Problem classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                String name = code == null ? "" : code.name();
                if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
                    return Problem.DAMAGED;
                }
                if (name.startsWith("SQLITE_FULL")
                        || name.startsWith("SQLITE_READONLY")
                        || name.startsWith("SQLITE_CANTOPEN")
                        || name.startsWith("SQLITE_PERM")
                        || name.startsWith("SQLITE_IOERR")) {
                    return Problem.UNWRITABLE;
                }
            }
            if (t instanceof AccessDeniedException) {
                return Problem.UNWRITABLE;
            }
            if (t instanceof FileSystemException) {
                return Problem.UNWRITABLE; // no room, no permission, read-only, a file where a folder goes
            }
            if (t instanceof IOException io
                    && io.getMessage() != null
                    && io.getMessage().contains("No space left")) {
                return Problem.UNWRITABLE;
            }
        }
        return Problem.OTHER;
    }

    private static String detail(Throwable error) {
        if (error instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
            String text = sqlite.getResultCode().message;
            return text == null || text.isBlank() ? sqlite.getResultCode().name() : text;
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof FileSystemException fs) {
            return fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    static StoreException of(Path file, SQLException cause) {
        return of(file, "job journal error on", cause);
    }
}
