package dev.jimeng.store;

import java.util.Map;
import java.util.Set;

/**
 * Marks of sets made as one, for some jobs: each one's group, and those picked as their group's winner.
 *
 * @param groupOf job id to group id, for the jobs in a group
 * @param picked ids of the jobs picked as their group's winner
 */
public record GroupMarks(Map<String, String> groupOf, Set<String> picked) {
    public GroupMarks {
        groupOf = Map.copyOf(groupOf);
        picked = Set.copyOf(picked);
    }
}
