package dev.jimeng.doctor;

import java.util.Locale;

/** How a finding stands; only a problem makes {@code doctor} exit non-zero. */
public enum Level {
    OK,
    WARNING,
    PROBLEM;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
