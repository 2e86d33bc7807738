package dev.jimeng.doctor;

import dev.jimeng.app.ExitCode;

/**
 * One line of {@code doctor}: what was checked, how it stands, and for a warning or a problem what
 * to do.
 *
 * @param check short name, e.g. "clock" or "tier 1080p"
 * @param fix empty for an ok line
 * @param exitCode what {@code doctor} exits with when this is its first problem
 */
public record Finding(String check, Level level, String summary, String fix, ExitCode exitCode) {

    public static Finding ok(String check, String summary) {
        return new Finding(check, Level.OK, summary, "", ExitCode.OK);
    }

    public static Finding warning(String check, String summary, String fix) {
        return new Finding(check, Level.WARNING, summary, fix, ExitCode.OK);
    }

    public static Finding problem(String check, String summary, String fix, ExitCode exitCode) {
        return new Finding(check, Level.PROBLEM, summary, fix, exitCode);
    }
}
