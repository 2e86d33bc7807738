package dev.jimeng.request;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Image fixtures made on the fly with ImageIO (blank images compress to a few KB, so this is fast). */
final class TestImages {
    private TestImages() {}

    static byte[] png(int width, int height) {
        return encode("png", width, height);
    }

    /**
     * A structurally valid PNG (signature, IHDR, IEND) without pixel data: enough for header checks of
     * huge sizes without spending a second compressing millions of pixels.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII));
        ihdr.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt(0xAE426082)
                .array();
    }

    static byte[] jpeg(int width, int height) {
        return encode("jpeg", width, height);
    }

    static byte[] gif(int width, int height) {
        return encode("gif", width, height);
    }

    static byte[] progressiveJpeg(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image(width, height), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A JPEG whose first segment is a large EXIF APP1 (as cameras write), whose payload contains bytes that
     * look like a SOF0 header for 16×16: a parser that scans for FF C0 instead of walking segments is wrong.
     */
    static byte[] exifFirstJpeg(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        byte[] payload = new byte[40_000];
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(exif, 0, payload, 0, exif.length);
        byte[] decoy = {(byte) 0xFF, (byte) 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10};
        System.arraycopy(decoy, 0, payload, 100, decoy.length);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Valid image bytes followed by zeros up to {@code totalBytes} (decoders ignore trailing data). */
    static byte[] padded(byte[] image, long totalBytes) {
        return Arrays.copyOf(image, Math.toIntExact(totalBytes));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(String format, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(width, height), format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF8800); // not entirely blank
        return image;
    }
}
