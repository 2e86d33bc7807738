package dev.jimeng.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** A decoded frame saved as an image file, e.g. to send it back as the first frame of the next job. */
public final class StillImages {
    /**
     * JPEG quality: high enough that a frame sent again looks like the video it came from, low
     * enough that a 1080p frame stays far under the API's 4.7 MB per image (PNG may not).
     */
    static final float JPEG_QUALITY = 0.92f;

    private StillImages() {}

    static BufferedImage image(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, frame.width(), frame.height(), frame.rgb(), 0, frame.width());
        return image;
    }

    /** Writes the frame as a JPEG, whole or not at all (through a temporary file moved into place). */
    public static void writeJpeg(Frame frame, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, ".frame-", ".part");
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(JPEG_QUALITY);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(part.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image(frame), null, null), params);
            } finally {
                writer.dispose();
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
