package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.metadata.Sidecar;
import dev.jimeng.metadata.VideoSidecar;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The metadata a FILE argument names (the video's sidecar, or the copy inside the MP4 when there is
 * no sidecar), or a one-line error; a note on {@code err} when the two disagree.
 */
final class Sidecars {
    private Sidecars() {}

    static Sidecar read(JimengPaths paths, String file, PrintWriter err) {
        Path path = TypedFile.existing(paths, file, "video", "give a video jimeng downloaded, or its .json sidecar");
        try {
            Sidecar sidecar = VideoSidecar.read(path);
            if (sidecar.note() != null) {
                Tell.line(err, "note: " + sidecar.note());
            }
            return sidecar;
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, TerminalText.safe(e.getMessage()));
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "cannot read the metadata of " + TerminalText.safe(file) + ": " + e.getMessage());
        }
    }
}
