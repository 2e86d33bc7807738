package dev.jimeng.cli;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import dev.jimeng.text.TerminalText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/** A single self-overwriting progress line on stderr, only when stderr is a terminal, never wider than it. */
final class ProgressLine implements AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private final Clock clock;
    private final int columns;
    private boolean drawn;

    /** {@code columns}: the terminal's width; the line stays shorter, or it would wrap and each redraw add a row. */
    ProgressLine(PrintWriter err, boolean enabled, Clock clock, int columns) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.columns = columns;
    }

    synchronized void show(JobSnapshot job) {
        if (!enabled) {
            return;
        }
        err.print("\r\033[K" + TerminalText.fit(describe(job, clock), Math.max(1, columns - 1)));
        err.flush();
        drawn = true;
    }

    static String describe(JobSnapshot job, Clock clock) {
        Duration elapsed = Duration.between(job.createdAt(), clock.instant());
        String line = "jimeng: " + job.id() + " " + job.state().label() + " "
                + String.format("%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
        if (job.state() == JobState.DOWNLOADING && job.bytesTotal() > 0) {
            line += String.format(" %d%%", job.bytesDownloaded() * 100 / job.bytesTotal());
        }
        if (job.taskId() != null) {
            line += " (task " + TerminalText.safe(job.taskId()) + ")";
        }
        return line;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
