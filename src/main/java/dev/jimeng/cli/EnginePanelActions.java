package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.UserError;
import dev.jimeng.panel.PanelActions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The panel's keys, carried out by the job engine; refusals come back as one-line messages. */
final class EnginePanelActions implements PanelActions {
    private final App app;

    EnginePanelActions(App app) {
        this.app = app;
    }

    @Override
    public void download(String jobId) {
        run(() -> app.redownload(jobId, null));
    }

    @Override
    public void retry(String jobId, boolean resubmit) {
        run(() -> app.retry(jobId, resubmit));
    }

    @Override
    public void open(Path path) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac")
                ? List.of("open", path.toString())
                : os.contains("win")
                        ? List.of("cmd", "/c", "start", "", path.toString())
                        : List.of("xdg-open", path.toString());
        try {
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + path + ": " + command.get(0) + " is not available");
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (UserError | IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
