package dev.jimeng.store;

import java.time.Instant;

/** One entry of a job's history: it entered {@code state} at {@code at}; {@code note} says why. */
public record JobTransition(JobState state, Instant at, String note) {}
