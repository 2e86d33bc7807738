package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.JobCounts;
import dev.jimeng.view.JobGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the panel shows, with no terminal in sight: the jobs, the filtered and sorted rows
 * (a set made as one is one group row, its jobs indented under it when expanded), the selection
 * (kept on the same job or group when rows move), the scroll offset, the details and help toggles, a
 * pending re-submit confirmation and a short-lived message. Only the panel's loop thread touches it.
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
    private JobGroups groups = JobGroups.NONE;
    private final Set<String> expanded = new HashSet<>();
    private List<PanelRow> view = List.of();
    private int matched;
    private boolean viewStale = true;
    private Summary summary;
    private int longestMode;

    private String filter = "";
    private boolean editingFilter;
    private SortOrder sort = SortOrder.NEWEST;
    private boolean details;
    private boolean help;
    private String selectedKey;
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

    /** The groups the jobs belong to and their picked winners (read from the journal by the caller). */
    public void setGroups(JobGroups marks) {
        groups = marks;
        changed();
    }

    /** The group of the job, or null when it is in none. */
    public String groupOf(String jobId) {
        return groups.group(jobId);
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

    /** Every job known, whatever the filter: the queue forecast needs those hidden too. */
    public java.util.Collection<JobSnapshot> all() {
        return java.util.Collections.unmodifiableCollection(jobs.values());
    }

    /**
     * The rows to show: the jobs the filter lets through, sorted; the jobs of a group gathered into
     * one group row where its first job would be, followed by its jobs when it is expanded.
     */
    public List<PanelRow> view() {
        if (viewStale) {
            String needle = filter.toLowerCase(Locale.ROOT);
            List<JobSnapshot> shown = new ArrayList<>(jobs.size());
            int longest = 0;
            for (JobSnapshot j : jobs.values()) {
                longest = Math.max(longest, j.request().mode().length());
                if (needle.isEmpty() || matches(j, needle)) {
                    shown.add(j);
                }
            }
            shown.sort(sort.comparator());
            view = PanelRow.of(shown, groups, expanded);
            matched = shown.size();
            longestMode = longest;
            viewStale = false;
            reselect();
        }
        return view;
    }

    /** How many jobs the filter lets through (a group row stands for several). */
    public int matchedCount() {
        view();
        return matched;
    }

    private boolean matches(JobSnapshot j, String needle) {
        return contains(j.id(), needle)
                || contains(groups.group(j.id()), needle)
                || contains(j.request().mode(), needle)
                || contains(j.request().prompt(), needle)
                || contains(j.state().label(), needle)
                || contains(j.errorMessage(), needle)
                || (j.outputPath() != null && contains(j.outputPath().toString(), needle));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * After the rows changed, finds the selected row again; a job whose group was collapsed gives
     * the selection to its group's row; else the index stays.
     */
    private void reselect() {
        if (selectedKey != null && (find(selectedKey) || findGroupOf(selectedKey))) {
            keepSelectionVisible();
            return;
        }
        select(selectedIndex);
    }

    private boolean find(String key) {
        for (int i = 0; i < view.size(); i++) {
            if (view.get(i).key().equals(key)) {
                selectedIndex = i;
                selectedKey = key;
                return true;
            }
        }
        return false;
    }

    private boolean findGroupOf(String jobId) {
        String group = groups.group(jobId);
        return group != null && find(PanelRow.groupKey(group));
    }

    // ---- selection and scrolling

    /** The selected job; empty when nothing or a group row is selected. */
    public Optional<JobSnapshot> selected() {
        return selectedRow().filter(r -> r instanceof PanelRow.JobRow).map(r -> ((PanelRow.JobRow) r).job());
    }

    public Optional<PanelRow> selectedRow() {
        List<PanelRow> rows = view();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selectedIndex));
    }

    /** The group of the selected row: the group row itself, or the group a selected member is shown under. */
    public Optional<JobGroup> selectedGroup() {
        Optional<PanelRow> row = selectedRow();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get() instanceof PanelRow.GroupRow g) {
            return Optional.of(g.group());
        }
        PanelRow.JobRow job = (PanelRow.JobRow) row.get();
        if (!job.member()) {
            return Optional.empty();
        }
        for (int i = selectedIndex; i >= 0; i--) {
            if (view.get(i) instanceof PanelRow.GroupRow g) {
                return Optional.of(g.group());
            }
        }
        return Optional.empty();
    }

    /** Shows the jobs of the selected group under its row; false when no group is selected. */
    public boolean expandSelected() {
        return selectedRow()
                .filter(r -> r instanceof PanelRow.GroupRow)
                .map(r -> {
                    expanded.add(((PanelRow.GroupRow) r).group().id());
                    viewStale = true;
                    return true;
                })
                .orElse(false);
    }

    /**
     * Folds the selected group (or the group of the selected member) back into one row, which is
     * then selected; false when no group is selected.
     */
    public boolean collapseSelected() {
        Optional<JobGroup> group = selectedGroup();
        if (group.isEmpty()) {
            return false;
        }
        expanded.remove(group.get().id());
        selectedKey = PanelRow.groupKey(group.get().id());
        viewStale = true;
        return true;
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
        List<PanelRow> rows = view;
        if (rows.isEmpty()) {
            selectedIndex = 0;
            selectedKey = null;
            scrollOffset = 0;
            return;
        }
        selectedIndex = Math.max(0, Math.min(rows.size() - 1, index));
        selectedKey = rows.get(selectedIndex).key();
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
