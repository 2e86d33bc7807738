package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.metadata.Sidecar;
import dev.jimeng.metadata.VideoSidecar;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.nio.file.Path;

/** The sidecar a FILE argument names (the video, or its sidecar), or a one-line error. */
final class Sidecars {
    private Sidecars() {}

    static Sidecar read(Path workingDirectory, String file) {
        try {
            return VideoSidecar.read(workingDirectory.resolve(file));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, TerminalText.safe(e.getMessage()));
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "cannot read the sidecar of " + TerminalText.safe(file) + ": " + e.getMessage());
        }
    }
}
