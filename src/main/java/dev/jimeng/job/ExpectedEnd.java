package dev.jimeng.job;

import java.time.Duration;

/**
 * What the history of a kind of task (mode and length) says of when the next one ends, as {@link
 * TaskDurations} reads it: a low estimate, which few tasks beat, and how much later than it most
 * tasks end.
 *
 * @param earliest how soon such tasks end (the tenth percentile)
 * @param spread the upper quartile less {@code earliest}: near zero when they always take the same
 *     time; null while there are too few tasks to tell
 */
public record ExpectedEnd(Duration earliest, Duration spread) {}
