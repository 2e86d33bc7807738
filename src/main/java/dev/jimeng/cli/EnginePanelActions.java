package dev.jimeng.cli;

import dev.jimeng.app.App;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.panel.PanelActions;
import dev.jimeng.view.JobGuide;
import java.nio.file.Path;

/** The panel's keys, carried out by the job engine; refusals come back as one-line messages. */
final class EnginePanelActions implements PanelActions {
    private final App app;

    EnginePanelActions(App app) {
        this.app = app;
    }

    @Override
    public void download(String jobId) {
        run(() -> app.jobs().download(jobId, null));
    }

    @Override
    public void retry(String jobId, boolean resubmit) {
        run(() -> app.jobs().retry(jobId, resubmit));
    }

    @Override
    public void cancel(String jobId) {
        run(() -> app.jobs().cancel(jobId, false));
    }

    @Override
    public dev.jimeng.view.JobGroups groups() {
        return new dev.jimeng.view.JobGroups(app.jobs().groups(), app.jobs().picked());
    }

    @Override
    public void pick(String jobId) {
        run(() -> {
            if (!app.jobs().pick(jobId)) {
                throw new IllegalArgumentException(jobId + " is in no set");
            }
        });
    }

    @Override
    public dev.jimeng.config.Invocation invocation() {
        return app.jobs().invocation();
    }

    @Override
    public void open(Path path) {
        String missing = DesktopOpener.open(path);
        if (missing != null) {
            throw new IllegalStateException("cannot open " + path + ": " + missing + " is not available");
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (JobRefusedException e) {
            throw new IllegalStateException(
                    JobGuide.refusal(e, app.jobs().clock().instant(), app.jobs().invocation()), e);
        } catch (UserError | IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
