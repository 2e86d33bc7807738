package dev.jimeng.job;

import java.time.Duration;

/**
 * What the history of a kind of task (mode and length) says of when the next one ends, as {@link
 * TaskDurations} reads it: a low estimate, which few tasks beat, and how far the typical task ends
 * after it.
 *
 * @param earliest how soon such tasks end (the tenth percentile)
 * @param spread the median less {@code earliest}: near zero when they always take the same time
 */
public record ExpectedEnd(Duration earliest, Duration spread) {}
