package dev.jimeng.preview;

import java.util.Locale;

/** Which frame of a video a preview shows. */
public enum FramePosition {
    FIRST,
    MIDDLE,
    LAST;

    /** The index of this frame in a video of {@code frames} frames (0 when the count is unknown). */
    int index(int frames) {
        if (frames < 1) {
            return 0;
        }
        return switch (this) {
            case FIRST -> 0;
            case MIDDLE -> frames / 2;
            case LAST -> frames - 1;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
