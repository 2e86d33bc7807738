package dev.jimeng.view;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.text.Durations;
import dev.jimeng.text.TerminalText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain-text tables and detail pages of jobs for `jobs`, `show` and `status`. Pure formatting; every
 * prompt, path, id and message from the user or the server goes through {@link TerminalText}, so its
 * control characters are shown, never acted on.
 */
public final class JobsView {
    private static final int PROMPT_MIN = 8;
    private static final int MODE_MIN = 8;

    private JobsView() {}

    /** The GROUP column: a group id (8) and the picked mark, shown only when a listed job is in a group. */
    private static final int GROUP_WIDTH = 9;

    private static String row(
            String id,
            String group,
            String mode,
            int modeWidth,
            String status,
            int statusWidth,
            String age,
            String prompt) {
        return (TerminalText.pad(id, 8) + " " + (group == null ? "" : TerminalText.pad(group, GROUP_WIDTH) + " ")
                                + TerminalText.pad(mode, modeWidth) + " " + TerminalText.pad(status, statusWidth)
                                + " " + TerminalText.padLeft(age, 7) + "  " + prompt)
                        .stripTrailing()
                + System.lineSeparator();
    }

    public static String table(List<JobSnapshot> jobs, Clock clock, int width) {
        return table(jobs, clock, width, JobGroups.NONE);
    }

    /**
     * The table, with a GROUP column when a listed job belongs to a set made as one: its group's id,
     * and {@code *} on the job picked as the set's winner.
     */
    public static String table(List<JobSnapshot> jobs, Clock clock, int width, JobGroups groups) {
        if (jobs.isEmpty()) {
            return noneMatching(null, 0, "jimeng generate") + "\n";
        }
        // Columns as wide as what they hold; what is left goes to the prompt, cut first when the terminal
        // is narrow (never below PROMPT_MIN), then the mode (never below MODE_MIN).
        int modeWidth = Math.max(
                4,
                jobs.stream()
                        .mapToInt(j ->
                                TerminalText.width(TerminalText.safe(j.request().mode())))
                        .max()
                        .orElse(4));
        int statusWidth = Math.max(
                6, jobs.stream().mapToInt(j -> j.state().label().length()).max().orElse(6));
        boolean grouped = groups.anyIn(jobs);
        int fixed = 8 + 1 + 1 + statusWidth + 1 + 7 + 2 + (grouped ? GROUP_WIDTH + 1 : 0);
        int promptWidth = width - fixed - modeWidth;
        if (promptWidth < PROMPT_MIN) {
            modeWidth = Math.max(MODE_MIN, modeWidth - (PROMPT_MIN - promptWidth));
            promptWidth = Math.max(PROMPT_MIN, width - fixed - modeWidth);
        }
        StringBuilder out = new StringBuilder();
        out.append(row("ID", grouped ? "GROUP" : null, "MODE", modeWidth, "STATUS", statusWidth, "AGE", "PROMPT"));
        for (JobSnapshot j : jobs) {
            String group = groups.group(j.id());
            out.append(row(
                    j.id(),
                    !grouped ? null : group == null ? "-" : group + (groups.picked(j.id()) ? "*" : ""),
                    TerminalText.fit(TerminalText.safe(j.request().mode()), modeWidth),
                    modeWidth,
                    j.state().label(),
                    statusWidth,
                    Durations.compact(Duration.between(j.createdAt(), clock.instant())),
                    TerminalText.fit(TerminalText.oneLine(j.request().prompt()), promptWidth)));
        }
        return out.toString();
    }

    /**
     * What an empty filtered list says: {@code no active jobs (12 in the journal)}, or the invitation
     * to a first job when the journal is empty. {@code what} names the jobs the filter asked for
     * ("active jobs", "failed jobs matching 'fox'"; null when nothing was filtered); {@code generate} is
     * how the reader starts a job ({@code jimeng --sandbox generate}, or a tool's name).
     */
    public static String noneMatching(String what, long inJournal, String generate) {
        if (inJournal == 0 || what == null) {
            return "no jobs yet: try " + generate + " \"a red fox in the snow\"";
        }
        return "no " + what + " (" + inJournal + " in the journal)";
    }

    /**
     * The table of {@code jobs}; when it is empty, {@link #noneMatching} with the filter in words
     * and how many jobs the journal holds.
     */
    public static String table(
            List<JobSnapshot> jobs, Clock clock, int width, String filter, long inJournal, String generate) {
        return table(jobs, clock, width, filter, inJournal, generate, JobGroups.NONE);
    }

    /** As above, with the GROUP column when a listed job is in a group. */
    public static String table(
            List<JobSnapshot> jobs,
            Clock clock,
            int width,
            String filter,
            long inJournal,
            String generate,
            JobGroups groups) {
        if (jobs.isEmpty()) {
            return noneMatching(filter, inJournal, generate) + "\n";
        }
        return table(jobs, clock, width, groups);
    }

    public static String statusLine(JobSnapshot j, Clock clock) {
        StringBuilder s = new StringBuilder(j.id() + "  " + j.state().label());
        s.append("  ")
                .append(Durations.compact(Duration.between(j.stateSince(), clock.instant())))
                .append(" in this state");
        if (j.taskId() != null) {
            s.append("  task ").append(TerminalText.safe(j.taskId()));
        }
        if (j.state() == JobState.DOWNLOADING && j.bytesTotal() > 0) {
            s.append("  ").append(j.bytesDownloaded() * 100 / j.bytesTotal()).append('%');
        }
        if (j.outputPath() != null && j.state() == JobState.DONE) {
            s.append("  ").append(TerminalText.safe(j.outputPath().toString()));
        }
        if (j.errorMessage() != null && j.state() != JobState.DONE) {
            s.append("  ").append(TerminalText.safe(j.errorMessage()));
        }
        return s.append('\n').toString();
    }

    /** One plain line per state change, for pipes and logs: id, state, then what is new. */
    /**
     * The one line said when a job waits for another jimeng process that holds it, e.g. {@code
     * k3f9a2b1 waiting: jimeng process 4242 is carrying this job; it is taken over when that process
     * exits, or at 10:04:05 if it stops renewing its lease}. Null when the job waits for nobody.
     */
    public static String waiting(JobSnapshot j, java.time.ZoneId zone) {
        JobSnapshot.LeaseWait w = j.waitingFor();
        if (w == null) {
            return null;
        }
        String who = w.pid() > 0 ? "jimeng process " + w.pid() : "another jimeng process";
        String when = w.until() == null
                ? ""
                : ", or at "
                        + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                                .withZone(zone)
                                .format(w.until())
                        + " if it stops renewing its lease";
        return j.id() + " waiting: " + who + " is carrying this job; it is taken over when that process exits" + when;
    }

    public static String stateChange(JobSnapshot j) {
        StringBuilder s = new StringBuilder(j.id()).append(' ').append(j.state().label());
        if (j.taskId() != null && j.state() == JobState.IN_QUEUE) {
            s.append(" task ").append(TerminalText.safe(j.taskId()));
        }
        if (j.state() == JobState.DONE && j.outputPath() != null) {
            s.append(' ').append(TerminalText.safe(j.outputPath().toString()));
        }
        if (j.state().terminal() && j.state() != JobState.DONE && j.errorMessage() != null) {
            s.append(' ')
                    .append(j.errorCode() == null ? "" : TerminalText.safe(j.errorCode()) + ": ")
                    .append(TerminalText.safe(j.errorMessage()));
        }
        return s.toString();
    }

    /** Every parameter and timestamp of a job, and the exact commands to act on it. */
    public static String details(JobSnapshot j, Clock clock, Invocation at) {
        return details(j, List.of(), clock, at);
    }

    /** As {@link #details(JobSnapshot, Clock, Invocation)}, with the copies later downloads saved. */
    public static String details(JobSnapshot j, List<dev.jimeng.store.SavedCopy> copies, Clock clock, Invocation at) {
        return details(j, copies, JobGroups.NONE, List.of(), clock, at);
    }

    /**
     * As above, naming the job's group and its siblings (the other jobs of its set, oldest first)
     * and which of them was picked.
     */
    public static String details(
            JobSnapshot j,
            List<dev.jimeng.store.SavedCopy> copies,
            JobGroups groups,
            List<JobSnapshot> siblings,
            Clock clock,
            Invocation at) {
        boolean sandbox = at.sandbox();
        GenerationRequest r = j.request();
        StringBuilder s = new StringBuilder();
        line(s, "job", j.id());
        line(s, "status", j.state().label());
        String group = groups.group(j.id());
        if (group != null) {
            line(
                    s,
                    "group",
                    group + " (" + (siblings.size() + 1) + " jobs" + (groups.picked(j.id()) ? "; this one picked" : "")
                            + ")");
            line(
                    s,
                    "siblings",
                    siblings.stream()
                            .map(o -> o.id() + " " + o.state().label() + (groups.picked(o.id()) ? " (picked)" : ""))
                            .collect(Collectors.joining(", ")));
        }
        line(s, "prompt", r.prompt());
        line(s, "mode", r.mode());
        line(s, "duration", r.durationSeconds() == null ? null : r.durationSeconds() + " s");
        line(s, "fps", r.fps() == null ? null : r.fps().toString());
        line(s, "aspect ratio", r.aspectRatio());
        line(s, "seed", r.seed() == null ? null : r.seed().toString());
        for (int i = 0; i < r.images().size(); i++) {
            line(s, i == 0 ? "image" : "tail image", r.images().get(i));
        }
        line(s, "camera", r.template() == null ? null : r.template() + " (" + r.cameraStrength() + ")");
        line(s, "task id", j.taskId());
        line(s, "request id", j.requestId());
        line(s, "created", j.createdAt().toString());
        Map<JobState, Instant> times = j.stateTimes();
        String timeline = times.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining("\n" + " ".repeat(16)));
        if (!timeline.isEmpty()) {
            s.append(String.format("  %-13s %s%n", "states", timeline)); // labels and instants only
        }
        if (j.videoUrlExpiresAt() != null) {
            Duration left = Duration.between(clock.instant(), j.videoUrlExpiresAt());
            line(
                    s,
                    "video url",
                    left.isNegative()
                            ? "expired (a download fetches a fresh one within 12 h)"
                            : "valid for " + Durations.compact(left));
        }
        line(s, "cost", cost(j, sandbox));
        line(s, "file", j.outputPath() == null ? null : j.outputPath().toString());
        for (var copy : copies) {
            line(s, "copy", copy.path() + " (saved " + copy.savedAt() + ")");
        }
        if (j.sha256() != null) {
            line(s, "size", j.bytesDownloaded() + " bytes");
            line(s, "sha-256", j.sha256());
        }
        line(s, "error", dev.jimeng.text.Words.codeAndMessage(j.errorCode(), j.errorMessage()));
        List<String> next = JobGuide.suggestions(j, clock.instant(), at);
        if (!next.isEmpty()) {
            s.append('\n');
            for (String command : next) {
                s.append("  ").append(command).append('\n');
            }
        }
        return s.toString();
    }

    /** "≈¥1.40 estimated, billed …", "…, not billed (never accepted)", or the sandbox's words. */
    static String cost(JobSnapshot j, boolean sandbox) {
        if (sandbox) {
            return Billing.SANDBOX;
        }
        if (j.estimatedCostCny() == null) {
            return null;
        }
        String amount = Billing.cost(j.estimatedCostCny(), false);
        if (j.billed()) {
            return amount + ", billed (accepted by the server)";
        }
        if (j.state() == JobState.SUBMIT_UNKNOWN) {
            return amount + ", may be billed (the submit's outcome is unknown)";
        }
        return amount + (j.state().terminal() ? ", not billed (never accepted)" : ", billed once accepted");
    }

    /** One labelled value; user and server text shows its control characters ({@link TerminalText#safe}). */
    private static void line(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append(String.format("  %-13s %s%n", label, TerminalText.safe(value)));
        }
    }
}
