package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.preview.FramePosition;
import dev.jimeng.preview.Graphics;
import dev.jimeng.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A still of a finished video, drawn in the terminal. */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng preview k3f9a2b1", "  jimeng preview video.mp4 --frame last --width 40"},
        description = "Show a still frame of a job's video (or of an MP4 file) in the terminal.")
public final class PreviewCommand extends BaseCommand {
    @Parameters(paramLabel = "ID|FILE", description = "Job id (or unique prefix), or an MP4 file.")
    String target;

    @Option(
            names = "--frame",
            paramLabel = "WHICH",
            defaultValue = "first",
            description = "first, middle or last (default first).")
    String frame;

    @Option(names = "--width", paramLabel = "COLS", description = "Width in terminal columns (default 40).")
    Integer width;

    @Override
    protected ExitCode doCall() {
        FramePosition position = position();
        if (width != null && (width < 4 || width > 1000)) {
            throw new UserError(ExitCode.BAD_INPUT, "--width must be 4 to 1000 columns, got " + width);
        }
        Path video = video();
        Graphics graphics = graphics();
        if (graphics == Graphics.NONE) {
            tell("output is not a colour terminal: no preview drawn");
            return ExitCode.OK;
        }
        int columns = width != null ? width : Previews.columnsFor(terminalColumns());
        return Previews.draw(out(), err(), video, position, columns, graphics) ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private FramePosition position() {
        for (FramePosition p : FramePosition.values()) {
            if (p.label().equalsIgnoreCase(frame.strip())) {
                return p;
            }
        }
        throw new UserError(
                ExitCode.BAD_INPUT,
                "--frame " + TerminalText.safe(frame) + " is not a frame: use first, middle or last");
    }

    /** An existing file as given, else the video of the job with that id. */
    private Path video() {
        Path file = app().paths().userPath(target);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (namesAFile(target)) {
            return TypedFile.existing(
                    app().paths(),
                    target,
                    "video",
                    "give an MP4 file, or a job id ('" + jimeng() + "jobs' lists them)");
        }
        JobSnapshot job = requireJob(target);
        if (job.outputPath() == null || !Files.isRegularFile(job.outputPath())) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "job " + job.id() + " has no video on disk (" + job.state().label() + "): '" + jimeng() + "show "
                            + job.id() + "' says what to do");
        }
        return job.outputPath();
    }

    /** A job id is letters and digits: a path separator, a dot or a ~ says a file was meant. */
    private static boolean namesAFile(String target) {
        return target.contains("/")
                || target.contains(java.io.File.separator)
                || target.contains(".")
                || target.startsWith("~");
    }
}
