package dev.jimeng.shell.complete;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The live state completion reads: the session's mode (used when the line has no {@code --mode}), the
 * jobs to offer as ids (asked for afresh at every TAB), where {@code ~} and relative paths point, and the
 * saved templates and assets.
 */
public record CompletionSources(
        Supplier<String> sessionMode,
        Supplier<List<JobIdCandidate>> jobIds,
        Path userHome,
        Path workingDirectory,
        SavedNames saved) {
    public CompletionSources {
        Objects.requireNonNull(sessionMode, "sessionMode");
        Objects.requireNonNull(jobIds, "jobIds");
        Objects.requireNonNull(saved, "saved");
        userHome = userHome.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Sources with nothing saved. */
    public CompletionSources(
            Supplier<String> sessionMode, Supplier<List<JobIdCandidate>> jobIds, Path userHome, Path workingDirectory) {
        this(sessionMode, jobIds, userHome, workingDirectory, SavedNames.NONE);
    }

    /** Sources with this process's home and working directory. */
    public static CompletionSources of(Supplier<String> sessionMode, Supplier<List<JobIdCandidate>> jobIds) {
        return new CompletionSources(sessionMode, jobIds, dev.jimeng.config.JimengPaths.processUserHome(), Path.of(""));
    }
}
