package dev.jimeng.panel;

import dev.jimeng.job.JobSnapshot;

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
}
