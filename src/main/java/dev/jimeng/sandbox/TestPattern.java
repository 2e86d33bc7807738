package dev.jimeng.sandbox;

import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Draws the sandbox's moving picture straight into YUV 4:2:0 planes: a soft vertical gradient, a
 * bright block that travels left to right, and a hue that turns with the frame index. Flat areas
 * keep intra-only H.264 frames small.
 */
final class TestPattern {
    private TestPattern() {}

    /** Frame {@code index} of a loop of {@code count} frames, {@code width}×{@code height}. */
    static Picture frame(int width, int height, int index, int count) {
        Picture picture = Picture.create(width, height, ColorSpace.YUV420J);
        drawLuma(picture.getPlaneData(0), width, height, index, count);
        drawChroma(picture.getPlaneData(1), picture.getPlaneData(2), width / 2, height / 2, index, count);
        return picture;
    }

    private static void drawLuma(byte[] y, int width, int height, int index, int count) {
        int blockSize = Math.max(16, height / 4) & ~15;
        int travel = Math.max(1, width - blockSize);
        int blockX = (int) ((long) travel * index / Math.max(1, count - 1)) & ~15;
        int blockY = ((height - blockSize) / 2) & ~15;
        for (int row = 0; row < height; row++) {
            // jcodec stores 8-bit samples as signed bytes offset by 128
            byte background = (byte) (40 + 120 * row / height - 128);
            int offset = row * width;
            boolean inBlockRows = row >= blockY && row < blockY + blockSize;
            for (int col = 0; col < width; col++) {
                boolean inBlock = inBlockRows && col >= blockX && col < blockX + blockSize;
                y[offset + col] = inBlock ? (byte) (235 - 128) : background;
            }
        }
    }

    private static void drawChroma(byte[] u, byte[] v, int width, int height, int index, int count) {
        double angle = 2 * Math.PI * index / Math.max(1, count);
        byte cb = (byte) (int) Math.round(40 * Math.cos(angle));
        byte cr = (byte) (int) Math.round(40 * Math.sin(angle));
        java.util.Arrays.fill(u, 0, width * height, cb);
        java.util.Arrays.fill(v, 0, width * height, cr);
    }
}
