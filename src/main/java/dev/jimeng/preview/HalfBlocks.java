package dev.jimeng.preview;

/**
 * A picture drawn with text cells: each cell is an upper half block (▀) whose foreground is the
 * upper pixel and whose background the lower one, so a cell shows two square-ish pixels. Works
 * wherever colours do (tmux, SSH), in 24-bit colour or the 256-colour palette.
 */
public final class HalfBlocks {
    private static final String RESET = "\033[0m";
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private HalfBlocks() {}

    /** {@code frame} already at its drawn size: {@code width} cells by {@code height / 2} lines. */
    public static String render(Frame frame, boolean truecolor) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < frame.height(); y += 2) {
            for (int x = 0; x < frame.width(); x++) {
                int top = frame.pixel(x, y);
                int bottom = y + 1 < frame.height() ? frame.pixel(x, y + 1) : 0;
                out.append("\033[38;").append(colour(top, truecolor));
                out.append(";48;").append(colour(bottom, truecolor));
                out.append("m▀");
            }
            out.append(RESET).append('\n');
        }
        return out.toString();
    }

    private static String colour(int rgb, boolean truecolor) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return truecolor ? "2;" + r + ";" + g + ";" + b : "5;" + paletteIndex(r, g, b);
    }

    /** The nearest colour of xterm's 6×6×6 cube or its 24-step grey ramp. */
    static int paletteIndex(int r, int g, int b) {
        int ri = nearestCubeStep(r);
        int gi = nearestCubeStep(g);
        int bi = nearestCubeStep(b);
        int cube = 16 + 36 * ri + 6 * gi + bi;
        int cubeError = distance(r, g, b, CUBE[ri], CUBE[gi], CUBE[bi]);
        int grey = (r + g + b) / 3;
        int step = Math.clamp((grey - 8 + 5) / 10, 0, 23);
        int level = 8 + 10 * step;
        int greyError = distance(r, g, b, level, level, level);
        return greyError < cubeError ? 232 + step : cube;
    }

    private static int nearestCubeStep(int v) {
        int best = 0;
        for (int i = 1; i < CUBE.length; i++) {
            if (Math.abs(CUBE[i] - v) < Math.abs(CUBE[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static int distance(int r1, int g1, int b1, int r2, int g2, int b2) {
        return (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
    }
}
