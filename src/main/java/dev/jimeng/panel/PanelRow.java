package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;
import dev.jimeng.view.JobGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One row of the panel's table: a job, or a group of jobs made as one, shown collapsed or expanded. */
sealed interface PanelRow permits PanelRow.JobRow, PanelRow.GroupRow {
    /** What keeps the selection on this row when rows move: the job's id, or the group's. */
    String key();

    /**
     * @param member the job is shown indented under its expanded group's row
     * @param picked the job is its group's winner
     */
    record JobRow(JobSnapshot job, boolean member, boolean picked) implements PanelRow {
        @Override
        public String key() {
            return job.id();
        }
    }

    record GroupRow(JobGroup group, boolean expanded) implements PanelRow {
        @Override
        public String key() {
            return groupKey(group.id());
        }
    }

    static String groupKey(String groupId) {
        return "group " + groupId;
    }

    /**
     * The rows of {@code sorted} jobs: each group's jobs gathered into one group row where its first
     * job would be, followed by its jobs when the group is in {@code expanded}.
     */
    static List<PanelRow> of(List<JobSnapshot> sorted, JobGroups groups, Set<String> expanded) {
        Map<String, List<JobSnapshot>> members = new LinkedHashMap<>();
        for (JobSnapshot j : sorted) {
            String group = groups.group(j.id());
            if (group != null) {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(j);
            }
        }
        List<PanelRow> rows = new ArrayList<>(sorted.size());
        for (JobSnapshot j : sorted) {
            String group = groups.group(j.id());
            if (group == null) {
                rows.add(new JobRow(j, false, false));
                continue;
            }
            List<JobSnapshot> of = members.remove(group);
            if (of == null) {
                continue; // shown already, with its group
            }
            String picked = of.stream()
                    .map(JobSnapshot::id)
                    .filter(groups::picked)
                    .findFirst()
                    .orElse(null);
            boolean open = expanded.contains(group);
            rows.add(new GroupRow(new JobGroup(group, of, picked), open));
            if (open) {
                for (JobSnapshot m : of) {
                    rows.add(new JobRow(m, true, m.id().equals(picked)));
                }
            }
        }
        return rows;
    }
}
