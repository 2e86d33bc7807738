package dev.jimeng.config;

/**
 * How a command line typed now reaches the jobs this process works on: {@code --sandbox} for the built-in
 * sandbox's, and {@code --profile NAME} when a bare {@code jimeng} here would pick another profile. Every
 * {@code jimeng …} line a view suggests starts with {@link #jimeng()}, so pasting it finds the job.
 *
 * @param sandbox the jobs are the built-in sandbox's (nothing is billed)
 * @param profile the profile to name, or null when a bare {@code jimeng} picks this one
 */
public record Invocation(boolean sandbox, String profile) {
    /** The real API and the profile a bare {@code jimeng} picks. */
    public static final Invocation REAL = new Invocation(false, null);

    /** {@code jimeng}, with the root options that reach these jobs: {@code jimeng --sandbox --profile work}. */
    public String jimeng() {
        return "jimeng" + (sandbox ? " --sandbox" : "") + (profile == null ? "" : " --profile " + word(profile));
    }

    /**
     * The profile's name as a shell reads it back: bare when it is well-formed (every name jimeng writes
     * is), else in single quotes with anything a terminal would act on shown as an escape.
     */
    private static String word(String name) {
        if (Settings.validProfileName(name)) {
            return name;
        }
        return "'" + dev.jimeng.text.TerminalText.safe(name).replace("'", "'\\''") + "'";
    }
}
