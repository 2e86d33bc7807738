package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.store.JobState;
import dev.jimeng.text.Durations;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGuide;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the details pane under the table: everything known about the selected job (prompt,
 * parameters, file, error, video URL validity, next steps, ids, times), word-wrapped to the pane.
 * Plain lines only; {@link PanelRenderer} draws them.
 */
final class DetailsPane {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EtaEstimate eta;
    private final ZoneId zone;
    private final dev.jimeng.config.Invocation at;

    /** @param at how a command line reaches the jobs: commands shown start with it */
    DetailsPane(EtaEstimate eta, ZoneId zone, dev.jimeng.config.Invocation at) {
        this.eta = eta;
        this.zone = zone;
        this.at = at;
    }

    /**
     * The pane's lines for one job, wrapped to {@code width} columns, at most {@code rows} of them:
     * when there are more, the last one shown says that a taller terminal shows more.
     */
    List<String> lines(JobSnapshot job, Instant now, int width, int rows) {
        return cut(lines(job, now, width), rows);
    }

    /** The pane's lines for a group row, wrapped and cut the same way. */
    List<String> lines(JobGroup group, int width, int rows) {
        return cut(lines(group, width), rows);
    }

    private static List<String> cut(List<String> lines, int rows) {
        if (lines.size() <= rows) {
            return lines;
        }
        if (rows <= 0) {
            return List.of();
        }
        List<String> shown = new ArrayList<>(lines.subList(0, rows - 1));
        shown.add("… (taller terminal shows more)");
        return shown;
    }

    /** The pane's lines for one job, wrapped to {@code width} columns. */
    List<String> lines(JobSnapshot job, Instant now, int width) {
        List<String> out = new ArrayList<>();
        String etaText = JobText.eta(job, now, eta.typicalDuration(job.request().mode()));
        out.add(job.id() + " · " + job.request().mode() + " · " + job.state().label() + " · "
                + Durations.compact(JobText.elapsed(job, now)) + (etaText.isEmpty() ? "" : " · ETA " + etaText));
        wrap(out, "Prompt: ", TerminalText.oneLine(job.request().prompt()), width);
        wrap(out, "Params: ", params(job), width);
        if (!job.request().images().isEmpty()) {
            wrap(
                    out,
                    "Images: ",
                    String.join(
                            ", ",
                            job.request().images().stream()
                                    .map(DetailsPane::withoutQuery)
                                    .map(TerminalText::oneLine)
                                    .toList()),
                    width);
        }
        if (job.outputPath() != null) {
            String size = job.bytesDownloaded() > 0 ? " · " + JobText.bytes(job.bytesDownloaded()) : "";
            String sha = job.sha256() == null
                    ? ""
                    : " · sha256 "
                            + job.sha256()
                                    .substring(0, Math.min(12, job.sha256().length())) + "…";
            wrap(out, "File: ", TerminalText.oneLine(job.outputPath().toString()) + size + sha, width);
        }
        String error = JobText.error(job);
        if (!error.isEmpty()) {
            wrap(out, "Error: ", TerminalText.oneLine(error), width);
        }
        out.add("Video URL: " + urlValidity(job, now));
        for (String next : JobGuide.suggestions(job, now, at)) {
            wrap(out, "Next: ", next, width);
        }
        if (job.outputPath() != null && job.state() == JobState.DONE) {
            wrap(out, "Open: ", TerminalText.oneLine(job.outputPath().toString()), width);
        }
        out.add("Task id: " + orDash(TerminalText.oneLine(job.taskId())) + " · request id: "
                + orDash(TerminalText.oneLine(job.requestId())));
        wrap(out, "Times: ", times(job), width);
        return out;
    }

    /**
     * The pane's lines for a group: its id, size and mode, the shared prompt or matrix, counts,
     * the cost of the set, the picked job, every member's state, and how to go on.
     */
    List<String> lines(JobGroup group, int width) {
        List<String> out = new ArrayList<>();
        out.add("group " + group.id() + " · " + group.members().size() + " jobs · " + group.mode());
        wrap(out, "Prompt: ", TerminalText.oneLine(group.label()), width);
        out.add("Jobs: " + GroupText.counts(group.counts()));
        out.add("Cost: "
                + (at.sandbox() ? Billing.SANDBOX : Billing.cost(group.estimatedCostCny(), false) + " for the set"));
        String jimeng = at.jimeng() + " ";
        out.add("Picked: "
                + group.picked().map(JobSnapshot::id).orElse("none yet; " + jimeng + "pick ID marks the winner"));
        wrap(
                out,
                "Members: ",
                String.join(
                        ", ",
                        group.members().stream()
                                .map(j -> j.id() + " " + j.state().label())
                                .toList()),
                width);
        wrap(out, "Next: ", "→ (or +) shows its jobs to act on one; ← (or -) folds them", width);
        wrap(out, "Sheet: ", jimeng + "gallery --group " + group.id() + "   # its contact sheet", width);
        return out;
    }

    private static String params(JobSnapshot job) {
        var r = job.request();
        List<String> p = new ArrayList<>();
        p.add("duration " + (r.durationSeconds() == null ? "default" : r.durationSeconds() + " s"));
        p.add("fps " + (r.fps() == null ? "default" : r.fps()));
        p.add("aspect " + (r.aspectRatio() == null ? "default" : r.aspectRatio()));
        p.add("seed " + (r.seed() == null ? "random" : r.seed()));
        if (r.template() != null) {
            p.add("template " + r.template());
        }
        if (r.cameraStrength() != null) {
            p.add("strength " + r.cameraStrength());
        }
        p.add(r.images().size() + (r.images().size() == 1 ? " image" : " images"));
        return String.join(" · ", p);
    }

    private String times(JobSnapshot job) {
        ZonedDateTime created = job.createdAt().atZone(zone);
        StringBuilder b = new StringBuilder("created ").append(DAY_TIME.format(created));
        for (JobState s : JobState.values()) {
            Instant t = job.stateTimes().get(s);
            if (t != null && s != JobState.QUEUED) {
                ZonedDateTime at = t.atZone(zone);
                b.append(" · ").append(s.label()).append(' ');
                b.append(at.toLocalDate().equals(created.toLocalDate()) ? TIME.format(at) : DAY_TIME.format(at));
            }
        }
        return b.toString();
    }

    private String urlValidity(JobSnapshot job, Instant now) {
        Instant expires = job.videoUrlExpiresAt();
        if (expires == null) {
            return "not issued yet";
        }
        String until = TIME.format(expires.atZone(zone));
        if (now.isBefore(expires)) {
            return "valid for " + Durations.compact(Duration.between(now, expires)) + " more (until " + until + ")";
        }
        return "expired " + Durations.compact(Duration.between(expires, now)) + " ago (at " + until + ")"
                + (NextSteps.taskStillKept(job, now) ? "; d fetches a fresh one" : "");
    }

    /** Image URLs may carry signed query tokens: show them without the query. */
    private static String withoutQuery(String image) {
        int q = image.indexOf('?');
        return q < 0 ? image : image.substring(0, q) + "?…";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /**
     * Adds {@code label + text}, word-wrapped at {@code width} columns with continuation lines
     * indented under the text; a word longer than a line is cut where the line ends.
     */
    private static void wrap(List<String> out, String label, String text, int width) {
        String indent = " ".repeat(label.length());
        int room = Math.max(10, width - label.length());
        StringBuilder current = new StringBuilder(label);
        int used = 0;
        for (String word : text.split(" ", -1)) {
            int w = TerminalText.width(word);
            if (used > 0 && used + 1 + w > room) {
                out.add(current.toString());
                current = new StringBuilder(indent);
                used = 0;
            } else if (used > 0) {
                current.append(' ');
                used++;
            }
            while (w > room) { // hard-break a word that fits no line
                String head = TerminalText.fit(word, room + 1);
                head = head.substring(0, head.length() - 1);
                out.add(current.append(head).toString());
                current = new StringBuilder(indent);
                word = word.substring(head.length());
                w = TerminalText.width(word);
            }
            current.append(word);
            used += w;
        }
        out.add(current.toString());
    }
}
