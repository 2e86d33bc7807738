package dev.jimeng.view;

import dev.jimeng.job.JobSnapshot;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The user's marks of sets made as one (variants, seeds, a prompt matrix): which group each job
 * belongs to and which job was picked its group's winner. Read from the journal by the caller; the
 * views only show them.
 *
 * @param groupOf job id to group id, for the jobs in a group
 * @param picked ids of the jobs picked as their group's winner
 */
public record JobGroups(Map<String, String> groupOf, Set<String> picked) {
    public static final JobGroups NONE = new JobGroups(Map.of(), Set.of());

    public JobGroups {
        groupOf = Map.copyOf(groupOf);
        picked = Set.copyOf(picked);
    }

    /** The job's group id, or null when it is in none. */
    public String group(String jobId) {
        return groupOf.get(jobId);
    }

    public boolean picked(String jobId) {
        return picked.contains(jobId);
    }

    /** True when any of {@code jobs} is in a group. */
    public boolean anyIn(Collection<JobSnapshot> jobs) {
        return jobs.stream().anyMatch(j -> groupOf.containsKey(j.id()));
    }
}
