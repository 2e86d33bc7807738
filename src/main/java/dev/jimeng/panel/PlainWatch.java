package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.JobSource;
import dev.jimeng.store.JobState;
import dev.jimeng.text.Durations;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobCounts;
import dev.jimeng.view.JobGuide;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * {@code watch} for dumb terminals and pipes: one plain line per job state change, no escape
 * sequences, until every watched job is finished or the thread is interrupted.
 *
 * <pre>
 * 12:00:05 a1b2c3d4 t2v_720p generating "a cat surfing a wave…"
 * 12:01:40 a1b2c3d4 t2v_720p done 1m35s → /home/me/videos/a1b2c3d4.mp4
 * </pre>
 */
public final class PlainWatch {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int PROMPT_COLUMNS = 40;

    private final JobSource source;
    private final Clock clock;
    private final PrintWriter out;
    private final dev.jimeng.config.Invocation at;

    /** @param at how a command line reaches the jobs: commands shown start with it */
    public PlainWatch(JobSource source, Clock clock, PrintWriter out, dev.jimeng.config.Invocation at) {
        this.at = at;
        this.source = source;
        this.clock = clock;
        this.out = out;
    }

    /** Watches every job that is not finished yet when called. */
    public void run() throws InterruptedException {
        run(job -> true);
    }

    /** Watches only the given job ids. */
    public void run(Set<String> ids) throws InterruptedException {
        run(job -> ids.contains(job.id()));
    }

    /**
     * Prints the current state of each watched unfinished job, then a line for each state change,
     * and returns when none is left unfinished (at once if there was none). Throws
     * {@link InterruptedException} when interrupted, after flushing what was printed.
     */
    public void run(Predicate<JobSnapshot> watched) throws InterruptedException {
        BlockingQueue<JobSnapshot> events = new LinkedBlockingQueue<>();
        Map<String, JobState> lastState = new HashMap<>();
        AutoCloseable subscription = source.subscribe(events::add);
        try {
            List<JobSnapshot> jobs = source.jobs();
            for (int i = jobs.size() - 1; i >= 0; i--) { // oldest first reads naturally
                JobSnapshot job = jobs.get(i);
                if (watched.test(job) && !job.state().terminal()) {
                    lastState.put(job.id(), job.state());
                    print(job);
                }
            }
            if (lastState.isEmpty()) {
                out.println("no unfinished jobs to watch");
                return;
            }
            while (lastState.values().stream().anyMatch(s -> !s.terminal())) {
                JobSnapshot job = events.take();
                if (!watched.test(job)
                        || (!lastState.containsKey(job.id()) && job.state().terminal())) {
                    continue;
                }
                if (job.state() != lastState.put(job.id(), job.state())) {
                    print(job);
                }
            }
            print(summary(lastState));
        } finally {
            out.flush();
            closeQuietly(subscription);
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            // the engine stops calling us either way; nothing useful to report from a watch
        }
    }

    private void print(JobSnapshot job) {
        out.println(line(job, clock.instant()));
        out.flush();
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }

    /** One plain line for one job. */
    String line(JobSnapshot job, Instant now) {
        StringBuilder b = new StringBuilder()
                .append(TIME.format(now.atZone(clock.getZone())))
                .append(' ')
                .append(JobText.shortId(job.id()))
                .append(' ')
                .append(job.request().mode())
                .append(' ')
                .append(job.state().label());
        switch (job.state()) {
            case DONE ->
                b.append(' ')
                        .append(Durations.compact(JobText.elapsed(job, now)))
                        .append(
                                job.outputPath() == null
                                        ? ""
                                        : " → "
                                                + TerminalText.oneLine(
                                                        job.outputPath().toString()));
            case FAILED, EXPIRED, SUBMIT_UNKNOWN, CANCELED -> {
                b.append(": ").append(TerminalText.oneLine(JobText.error(job)));
                String hint = JobGuide.hint(job, now, at);
                if (!hint.isEmpty()) {
                    b.append(" (").append(TerminalText.oneLine(hint)).append(')');
                }
            }
            case QUEUED, SUBMITTING ->
                b.append(" \"")
                        .append(TerminalText.fit(
                                TerminalText.oneLine(job.request().prompt()), PROMPT_COLUMNS))
                        .append('"');
            default -> {}
        }
        return b.toString();
    }

    private static String summary(Map<String, JobState> states) {
        int done = JobCounts.ofStates(states.values()).done();
        return "all watched jobs finished: " + done + " done, " + (states.size() - done) + " not";
    }
}
