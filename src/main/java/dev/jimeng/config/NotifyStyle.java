package dev.jimeng.config;

import java.util.Locale;

/** How the shell tells the user a job finished while they were elsewhere. */
public enum NotifyStyle {
    NONE("no signal"),
    BELL("terminal bell"),
    OSC9("desktop notification (OSC 9: iTerm2, WezTerm, kitty)"),
    OSC777("desktop notification (OSC 777: foot, rxvt, VTE)");

    private final String description;

    NotifyStyle(String description) {
        this.description = description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
