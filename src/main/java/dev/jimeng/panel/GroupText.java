package dev.jimeng.panel;

import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure formatting of one group of jobs made as one, for its row and its details. */
final class GroupText {
    private GroupText() {}

    /** "×3 a {red|blue} fox": how many jobs, and their shared prompt or matrix. */
    static String label(JobGroup group) {
        return "×" + group.members().size() + " " + TerminalText.oneLine(group.label());
    }

    /** "3 done · 1 running · 0 failed", then queued and canceled when there are any. */
    static String counts(JobCounts c) {
        StringBuilder b = new StringBuilder()
                .append(c.done())
                .append(" done · ")
                .append(c.running())
                .append(" running · ")
                .append(c.endedWithoutVideo())
                .append(" failed");
        if (c.queued() > 0) {
            b.append(" · ").append(c.queued()).append(" queued");
        }
        if (c.canceled() > 0) {
            b.append(" · ").append(c.canceled()).append(" canceled");
        }
        return b.toString();
    }

    /**
     * What the group row shows after its prompt: counts, the soonest ETA of its unfinished jobs, the
     * set's estimated cost (or that the sandbox bills nothing) and the picked job.
     */
    static String summary(JobGroup group, Optional<Duration> soonest, boolean sandbox, boolean unicode) {
        List<String> parts = new ArrayList<>();
        parts.add(counts(group.counts()));
        soonest.ifPresent(left -> parts.add("ETA " + JobText.left(left)));
        if (sandbox) {
            parts.add("not billed");
        } else if (group.costKnown()) {
            parts.add(Billing.amount(group.estimatedCostCny()));
        }
        group.picked().ifPresent(p -> parts.add(pickedMark(unicode) + " " + JobText.shortId(p.id()) + " picked"));
        return String.join(" · ", parts);
    }

    static String pickedMark(boolean unicode) {
        return unicode ? "✓" : "*";
    }
}
