package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.JobCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the panel shows, with no terminal in sight: the jobs, the filtered and sorted view,
 * the selection (kept on the same job when rows move), the scroll offset, the details and help
 * toggles, a pending re-submit confirmation and a short-lived message. Only the panel's loop
 * thread touches it.
 */
public final class PanelModel {
    /** How long a message stays on the message line. */
    static final Duration MESSAGE_TTL = Duration.ofSeconds(5);

    /** A question waiting for y/n before a billed re-submit. */
    /**
     * A yes/no question about one job.
     *
     * @param onYes what yes does (it may throw; the failure becomes the message line)
     * @param done the message after yes
     * @param declined the message after anything else
     */
    public record Confirmation(String jobId, String question, Runnable onYes, String done, String declined) {}

    /** A line for the user, shown until {@code until}. */
    public record Message(String text, boolean error, Instant until) {}

    /** Counts for the summary line. */
    /** @param billedCny the estimated cost of the jobs the server accepted */
    public record Summary(
            int running, int done, int failed, int queued, int expired, int unknown, int canceled, double billedCny) {
        public String line() {
            StringBuilder b = new StringBuilder()
                    .append(running)
                    .append(" running · ")
                    .append(done)
                    .append(" done · ")
                    .append(failed)
                    .append(" failed · ")
                    .append(queued)
                    .append(" queued");
            if (expired > 0) {
                b.append(" · ").append(expired).append(" expired");
            }
            if (unknown > 0) {
                b.append(" · ").append(unknown).append(" unknown");
            }
            if (canceled > 0) {
                b.append(" · ").append(canceled).append(" canceled");
            }
            return b.toString();
        }
    }

    private final Map<String, JobSnapshot> jobs = new HashMap<>();
    private List<JobSnapshot> view = List.of();
    private boolean viewStale = true;
    private Summary summary;
    private int longestMode;

    private String filter = "";
    private boolean editingFilter;
    private SortOrder sort = SortOrder.NEWEST;
    private boolean details;
    private boolean help;
    private String selectedId;
    private int selectedIndex;
    private int scrollOffset;
    private int viewportRows = 10;
    private Confirmation confirmation;
    private Message message;

    // ---- jobs

    public void replaceAll(List<JobSnapshot> snapshots) {
        jobs.clear();
        for (JobSnapshot s : snapshots) {
            jobs.put(s.id(), s);
        }
        changed();
    }

    public void update(JobSnapshot snapshot) {
        jobs.put(snapshot.id(), snapshot);
        changed();
    }

    public int jobCount() {
        return jobs.size();
    }

    public Optional<JobSnapshot> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** True while some job changes by itself over time (spinner, elapsed time, ETA). */
    public boolean anyActive() {
        return summary().running() + summary().queued() > 0;
    }

    public Summary summary() {
        if (summary == null) {
            JobCounts c = JobCounts.of(jobs.values());
            summary = new Summary(
                    c.running(),
                    c.done(),
                    c.failed(),
                    c.queued(),
                    c.expired(),
                    c.unknown(),
                    c.canceled(),
                    jobs.values().stream()
                            .filter(JobSnapshot::billed)
                            .mapToDouble(j -> j.estimatedCostCny() == null ? 0 : j.estimatedCostCny())
                            .sum());
        }
        return summary;
    }

    /** Length of the longest mode name among all jobs, to size the mode column. */
    public int longestMode() {
        view();
        return longestMode;
    }

    private void changed() {
        viewStale = true;
        summary = null;
    }

    /** The rows to show: filtered, sorted. */
    /** Every job known, whatever the filter: the queue forecast needs those hidden too. */
    public java.util.Collection<JobSnapshot> all() {
        return java.util.Collections.unmodifiableCollection(jobs.values());
    }

    public List<JobSnapshot> view() {
        if (viewStale) {
            String needle = filter.toLowerCase(Locale.ROOT);
            List<JobSnapshot> rows = new ArrayList<>(jobs.size());
            int longest = 0;
            for (JobSnapshot j : jobs.values()) {
                longest = Math.max(longest, j.request().mode().length());
                if (needle.isEmpty() || matches(j, needle)) {
                    rows.add(j);
                }
            }
            rows.sort(sort.comparator());
            view = rows;
            longestMode = longest;
            viewStale = false;
            reselect();
        }
        return view;
    }

    private static boolean matches(JobSnapshot j, String needle) {
        return contains(j.id(), needle)
                || contains(j.request().mode(), needle)
                || contains(j.request().prompt(), needle)
                || contains(j.state().label(), needle)
                || contains(j.errorMessage(), needle)
                || (j.outputPath() != null && contains(j.outputPath().toString(), needle));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** After the rows changed, finds the selected job again, or keeps the index if it is gone. */
    private void reselect() {
        if (selectedId != null) {
            for (int i = 0; i < view.size(); i++) {
                if (view.get(i).id().equals(selectedId)) {
                    selectedIndex = i;
                    keepSelectionVisible();
                    return;
                }
            }
        }
        select(selectedIndex);
    }

    // ---- selection and scrolling

    public Optional<JobSnapshot> selected() {
        List<JobSnapshot> rows = view();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selectedIndex));
    }

    public int selectedIndex() {
        view();
        return selectedIndex;
    }

    public int scrollOffset() {
        view();
        return scrollOffset;
    }

    public void moveBy(int delta) {
        view();
        select(selectedIndex + delta);
    }

    public void moveToTop() {
        view();
        select(0);
    }

    public void moveToBottom() {
        select(view().size() - 1);
    }

    public int viewportRows() {
        return viewportRows;
    }

    /** The renderer tells the model how many table rows fit, so paging and scrolling match it. */
    public void setViewportRows(int rows) {
        viewportRows = Math.max(1, rows);
        view();
        keepSelectionVisible();
    }

    private void select(int index) {
        List<JobSnapshot> rows = view;
        if (rows.isEmpty()) {
            selectedIndex = 0;
            selectedId = null;
            scrollOffset = 0;
            return;
        }
        selectedIndex = Math.max(0, Math.min(rows.size() - 1, index));
        selectedId = rows.get(selectedIndex).id();
        keepSelectionVisible();
    }

    private void keepSelectionVisible() {
        if (selectedIndex < scrollOffset) {
            scrollOffset = selectedIndex;
        } else if (selectedIndex >= scrollOffset + viewportRows) {
            scrollOffset = selectedIndex - viewportRows + 1;
        }
        scrollOffset = Math.max(0, Math.min(scrollOffset, Math.max(0, view.size() - viewportRows)));
    }

    // ---- filter, sort, toggles

    public String filter() {
        return filter;
    }

    public boolean editingFilter() {
        return editingFilter;
    }

    public void startFilter() {
        editingFilter = true;
    }

    public void setFilter(String text) {
        filter = text;
        viewStale = true;
    }

    public void finishFilter() {
        editingFilter = false;
    }

    public void clearFilter() {
        editingFilter = false;
        setFilter("");
    }

    public SortOrder sort() {
        return sort;
    }

    public void cycleSort() {
        sort = sort.next();
        viewStale = true;
    }

    public boolean details() {
        return details;
    }

    public void toggleDetails() {
        details = !details;
    }

    public boolean help() {
        return help;
    }

    public void setHelp(boolean shown) {
        help = shown;
    }

    // ---- confirmation and message

    public Optional<Confirmation> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    public void ask(Confirmation question) {
        confirmation = question;
    }

    public void clearConfirmation() {
        confirmation = null;
    }

    public void say(String text, Instant now) {
        message = new Message(text, false, now.plus(MESSAGE_TTL));
    }

    public void warn(String text, Instant now) {
        message = new Message(text, true, now.plus(MESSAGE_TTL));
    }

    /** The message still due at {@code now}, if any. */
    public Optional<Message> message(Instant now) {
        return message != null && now.isBefore(message.until()) ? Optional.of(message) : Optional.empty();
    }
}
