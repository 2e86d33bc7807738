package dev.jimeng.preview;

import java.util.Arrays;

/**
 * A decoded picture as packed {@code 0xRRGGBB} pixels, row by row.
 *
 * @param rgb {@code width * height} pixels
 */
public record Frame(int width, int height, int[] rgb) {
    public Frame {
        if (width < 1 || height < 1 || rgb.length != width * height) {
            throw new IllegalArgumentException("a frame of " + width + "x" + height + " needs that many pixels");
        }
        rgb = rgb.clone();
    }

    public int pixel(int x, int y) {
        return rgb[y * width + x];
    }

    /**
     * This frame shrunk (or stretched) to {@code newWidth}×{@code newHeight}, each new pixel the
     * average of the source pixels its box covers: a thumbnail that keeps thin details' colour.
     */
    public Frame scaled(int newWidth, int newHeight) {
        int[] out = new int[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int y0 = y * height / newHeight;
            int y1 = Math.max(y0 + 1, (y + 1) * height / newHeight);
            for (int x = 0; x < newWidth; x++) {
                int x0 = x * width / newWidth;
                int x1 = Math.max(x0 + 1, (x + 1) * width / newWidth);
                out[y * newWidth + x] = average(x0, x1, y0, y1);
            }
        }
        return new Frame(newWidth, newHeight, out);
    }

    private int average(int x0, int x1, int y0, int y1) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = pixel(x, y);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        long n = (long) (x1 - x0) * (y1 - y0);
        return (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.width == width && f.height == height && Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + "]";
    }
}
