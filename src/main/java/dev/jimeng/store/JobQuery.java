package dev.jimeng.store;

import java.util.Set;

/**
 * A filter for {@link JobStore#list}: jobs in any of {@code states} (empty = all) whose prompt
 * contains {@code text} (null = any, case-insensitive for ASCII), newest first, at most {@code
 * limit}.
 */
public record JobQuery(Set<JobState> states, String text, int limit) {
    public JobQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    public static JobQuery newest(int limit) {
        return new JobQuery(Set.of(), null, limit);
    }

    public JobQuery withStates(Set<JobState> newStates) {
        return new JobQuery(newStates, text, limit);
    }

    public JobQuery withText(String newText) {
        return new JobQuery(states, newText, limit);
    }
}
