package dev.jimeng.app;

import dev.jimeng.api.ApiCall;
import dev.jimeng.config.PrivateFiles;
import dev.jimeng.text.SecretText;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The log for support: {@code jimeng.log} in the state folder, one line per API call and every
 * error with its stack, capped at {@link #MAX_BYTES} per file and rotated through {@link #FILES}
 * files ({@code jimeng.log}, {@code .1}, {@code .2}), each readable by the user alone. Every line is
 * redacted here, the one place log text passes: known secrets, signatures and URL tokens become
 * {@link SecretText#HIDDEN}, control characters are shown, not acted on. A log that cannot be
 * written never fails a command.
 */
public final class SupportLog {
    public static final String FILE_NAME = "jimeng.log";
    public static final long MAX_BYTES = 1_000_000;
    public static final int FILES = 3;

    private final Path file;
    private final long maxBytes;
    private final Clock clock;
    private final Supplier<List<String>> secrets;
    private final Consumer<String> mirror;

    /**
     * @param secrets the values to remove from every line (asked each time: the built-in sandbox's
     *     keys exist only once it runs)
     * @param mirror receives each API line as well (--verbose prints them on stderr), or null
     */
    public SupportLog(Path file, long maxBytes, Clock clock, Supplier<List<String>> secrets, Consumer<String> mirror) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.secrets = secrets;
        this.mirror = mirror;
    }

    public Path file() {
        return file;
    }

    /** One line for one API call. */
    public void call(ApiCall call) {
        String line = redact(call.line());
        write(call.at() + " INFO api " + line + "\n");
        if (mirror != null) {
            mirror.accept("jimeng: api " + line);
        }
    }

    /** An error, with its stack. */
    public void error(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        StringBuilder text = new StringBuilder(clock.instant() + " ERROR ");
        trace.toString().lines().forEach(l -> text.append(redact(l)).append('\n'));
        write(text.toString());
    }

    /** Redacted and made printable: the one filter every line of the log passes. */
    public String redact(String text) {
        // a tab (of a stack trace) stays readable; other control characters are shown escaped
        return TerminalText.safe(SecretText.without(text.replace("\t", "    "), secrets.get()));
    }

    /** The last {@code count} lines of the log, across its rotated files, oldest first. */
    public List<String> lastLines(int count) {
        Deque<String> last = new ArrayDeque<>();
        for (int generation = FILES - 1; generation >= 0; generation--) {
            Path f = generation(generation);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    last.addLast(line);
                    if (last.size() > count) {
                        last.removeFirst();
                    }
                }
            } catch (IOException e) {
                // an unreadable file adds nothing
            }
        }
        return new ArrayList<>(last);
    }

    /** {@code jimeng.log} for 0, {@code jimeng.log.N} for older ones. */
    public Path generation(int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }

    private synchronized void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            PrivateFiles.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) + bytes.length > maxBytes) {
                rotate();
            }
            PrivateFiles.createFile(file);
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // the log is for support: a full disk or a read-only folder must not stop a job
        }
    }

    /** Drops the oldest file and shifts the others up one. */
    private void rotate() throws IOException {
        Files.deleteIfExists(generation(FILES - 1));
        for (int n = FILES - 2; n >= 0; n--) {
            if (Files.exists(generation(n))) {
                Files.move(generation(n), generation(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
