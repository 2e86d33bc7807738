package dev.jimeng.shell.complete;

/** What kind of value an option or positional parameter takes, which decides what TAB offers. */
public enum ValueKind {
    /** A mode name from the capability table. */
    MODE,
    /** Seconds the mode in effect supports. */
    DURATION,
    /** Frame rates the mode in effect supports. */
    FPS,
    /** Ratios, only when the mode in effect takes one. */
    ASPECT_RATIO,
    /** Recamera template ids. */
    TEMPLATE,
    /** Recamera strengths. */
    STRENGTH,
    /** Directories and .png/.jpg/.jpeg files. */
    IMAGE_PATH,
    /** Directories and .mp4 files. */
    OUTPUT_PATH,
    /** Directories only. */
    DIRECTORY,
    /** Ids of known jobs, asked for at every TAB. */
    JOB_ID,
    /** Keys of the settings catalogue. */
    SETTING_KEY,
    /** Allowed values of the setting named by the positional before it. */
    SETTING_VALUE
}
