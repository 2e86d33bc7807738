package dev.jimeng.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** A frame as a real image: a PNG sent with Kitty's graphics protocol or iTerm2's inline images. */
public final class InlineImages {
    /** Kitty takes base64 payloads in chunks of at most 4096 bytes. */
    static final int KITTY_CHUNK = 4096;

    private InlineImages() {}

    /**
     * Kitty: transmit and display ({@code a=T}) a PNG ({@code f=100}) scaled to {@code columns}
     * cells, quietly ({@code q=2}: no reply lands in the input), in chunks ({@code m=1} but the last).
     */
    public static String kitty(Frame frame, int columns) {
        String data = Base64.getEncoder().encodeToString(png(frame));
        StringBuilder out = new StringBuilder();
        for (int start = 0; start < data.length(); start += KITTY_CHUNK) {
            int end = Math.min(data.length(), start + KITTY_CHUNK);
            String more = end < data.length() ? "1" : "0";
            out.append("\033_G");
            if (start == 0) {
                out.append("a=T,f=100,q=2,c=").append(columns).append(',');
            }
            out.append("m=").append(more).append(';').append(data, start, end).append("\033\\");
        }
        return out.append('\n').toString();
    }

    /** iTerm2 (and WezTerm): OSC 1337 File with the PNG inline, {@code columns} cells wide. */
    public static String iterm(Frame frame, int columns) {
        byte[] png = png(frame);
        return "\033]1337;File=inline=1;size=" + png.length + ";width=" + columns + ";preserveAspectRatio=1:"
                + Base64.getEncoder().encodeToString(png) + "\007\n";
    }

    static byte[] png(Frame frame) {
        BufferedImage image = StillImages.image(frame);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }
}
