package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.OutputTarget;
import dev.jimeng.text.TerminalText;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Journal a task the server accepted that no journal recorded (a jimeng that could not write its
 * journal printed this command) and carry it on: poll, download, print the result. Nothing is
 * submitted, so nothing is billed again.
 */
@Command(
        name = "attach",
        mixinStandardHelpOptions = true,
        description = "Record a task the server already accepted (by its task id) and carry it on to the video."
                + " Nothing is submitted or billed again.",
        footer = {"", "Examples:", "  jimeng attach 7392616336519610409 --mode t2v_720p --prompt \"a red fox\""})
public final class AttachCommand extends BaseCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task id the server gave.")
    String taskId;

    @Option(
            names = "--mode",
            required = true,
            paramLabel = "MODE",
            description = "The mode the task was submitted with (the server finds it by mode and id).")
    String mode;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt it was sent with (names the file).")
    String prompt;

    @Option(names = "--duration", paramLabel = "N", description = "Its length in seconds (for the spend ledger).")
    Integer duration;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Save the video here (a file, or a folder to put it in). Default: the output directory.")
    Path output;

    @Option(names = "--json", description = "Print one JSON document instead of the Markdown block.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        Destination target = OutputTarget.resolve(output, app().env().workingDirectory(), app().outputDirectory());
        String id = engine(() -> jobs().attach(taskId, mode, prompt, duration, target));
        String head = id + " attached to task " + TerminalText.safe(taskId.strip()) + " · " + mode
                + " · nothing submitted, nothing billed again";
        if (!session().tracksInBackground()) {
            tell(head);
            err().flush();
        }
        return session().follow(id, head + " · you will be told when it is done", done -> report(done, json));
    }
}
