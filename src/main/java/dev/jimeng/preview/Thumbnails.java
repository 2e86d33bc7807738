package dev.jimeng.preview;

import java.nio.file.Path;

/** The one entry point: a video's frame drawn the way this terminal can show it. */
public final class Thumbnails {
    /** Columns a thumbnail takes unless asked otherwise: small enough to sit under the details. */
    public static final int DEFAULT_COLUMNS = 40;
    /** An inline image is sent at most this many pixels wide: plenty for a still, small to send. */
    private static final int IMAGE_PIXELS = 640;

    private Thumbnails() {}

    /** The escapes or text cells that show {@code mp4}'s frame; empty for {@link Graphics#NONE}. */
    public static String render(Path mp4, FramePosition position, int columns, Graphics graphics)
            throws UndecodableVideoException {
        if (graphics == Graphics.NONE) {
            return "";
        }
        return render(VideoFrames.grab(mp4, position), columns, graphics);
    }

    public static String render(Frame frame, int columns, Graphics graphics) {
        int cols = Math.max(1, columns);
        return switch (graphics) {
            case NONE -> "";
            case KITTY -> InlineImages.kitty(fitWidth(frame, IMAGE_PIXELS), cols);
            case ITERM -> InlineImages.iterm(fitWidth(frame, IMAGE_PIXELS), cols);
            case TRUECOLOR_BLOCKS, PALETTE_BLOCKS ->
                HalfBlocks.render(forBlocks(frame, cols), graphics == Graphics.TRUECOLOR_BLOCKS);
        };
    }

    /** One pixel per column across, two per line down (an even count), keeping the aspect ratio. */
    static Frame forBlocks(Frame frame, int columns) {
        int width = Math.min(columns, frame.width());
        int height = Math.max(2, (int) Math.round((double) frame.height() * width / frame.width() / 2) * 2);
        return frame.scaled(width, height);
    }

    private static Frame fitWidth(Frame frame, int maxWidth) {
        if (frame.width() <= maxWidth) {
            return frame;
        }
        int height = Math.max(1, (int) Math.round((double) frame.height() * maxWidth / frame.width()));
        return frame.scaled(maxWidth, height);
    }
}
