package dev.jimeng.request;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads format, width and height from the first bytes of a JPEG or PNG without decoding it: the PNG IHDR
 * chunk, or the JPEG SOFn frame header (baseline, progressive, …) found by walking the marker segments,
 * which also skips EXIF/ICC/thumbnail segments that come first. The format is decided by magic bytes,
 * never by the file name.
 */
public final class ImageInspector {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_IHDR_END = 24;

    private ImageInspector() {}

    /** @throws ImageFormatException when the bytes are not a readable JPEG or PNG */
    public static ImageInfo inspect(byte[] data) {
        if (startsWith(data, PNG_SIGNATURE)) {
            return png(data);
        }
        if (data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
            return jpeg(data);
        }
        throw new ImageFormatException("not a JPEG or PNG image" + guessOtherFormat(data));
    }

    private static ImageInfo png(byte[] data) {
        if (data.length < PNG_IHDR_END) {
            throw new ImageFormatException("truncated PNG: the file ends before its IHDR header");
        }
        String chunk = new String(data, 12, 4, StandardCharsets.US_ASCII);
        if (!chunk.equals("IHDR")) {
            throw new ImageFormatException("corrupt PNG: the first chunk is not IHDR");
        }
        int width = s32(data, 16);
        int height = s32(data, 20);
        if (width <= 0 || height <= 0) {
            throw new ImageFormatException("corrupt PNG: IHDR says " + width + "×" + height);
        }
        return new ImageInfo(ImageInfo.Format.PNG, width, height);
    }

    private static ImageInfo jpeg(byte[] data) {
        int pos = 2;
        while (true) {
            if (pos >= data.length) {
                throw new ImageFormatException("truncated JPEG: the file ends before its frame header (SOF)");
            }
            if (u8(data, pos) != 0xFF) {
                throw new ImageFormatException("corrupt JPEG: expected a marker at byte " + pos);
            }
            while (pos < data.length && u8(data, pos) == 0xFF) {
                pos++; // a marker may be preceded by any number of 0xFF fill bytes
            }
            if (pos >= data.length) {
                throw new ImageFormatException("truncated JPEG: the file ends inside a marker");
            }
            int marker = u8(data, pos++);
            if (isStandalone(marker)) {
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                throw new ImageFormatException("corrupt JPEG: image data starts before any frame header (SOF)");
            }
            if (pos + 2 > data.length) {
                throw new ImageFormatException("truncated JPEG: the file ends inside a segment header");
            }
            int length = u16(data, pos);
            if (length < 2) {
                throw new ImageFormatException("corrupt JPEG: segment at byte " + pos + " has length " + length);
            }
            if (isStartOfFrame(marker)) {
                // SOFn payload: precision (1 byte), height (2), width (2), …
                if (pos + 7 > data.length) {
                    throw new ImageFormatException("truncated JPEG: the file ends inside its frame header");
                }
                int height = u16(data, pos + 3);
                int width = u16(data, pos + 5);
                if (width == 0 || height == 0) {
                    throw new ImageFormatException("JPEG frame header gives no size (" + width + "×" + height + ")");
                }
                return new ImageInfo(ImageInfo.Format.JPEG, width, height);
            }
            pos += length;
        }
    }

    /** Markers without a length field: TEM, RST0–RST7, SOI. */
    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static String guessOtherFormat(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 12), StandardCharsets.ISO_8859_1);
        if (data.length == 0) {
            return " (the file is empty)";
        }
        if (head.startsWith("GIF8")) {
            return " (it is a GIF)";
        }
        if (head.startsWith("RIFF")
                && head.length() >= 12
                && head.substring(8, 12).equals("WEBP")) {
            return " (it is a WebP)";
        }
        if (head.startsWith("BM")) {
            return " (it looks like a BMP)";
        }
        if (head.startsWith("II*\0") || head.startsWith("MM\0*")) {
            return " (it is a TIFF)";
        }
        if (head.length() >= 12 && head.startsWith("ftyp", 4)) {
            return " (it is a HEIC/AVIF)";
        }
        if (looksLikeText(data)) {
            return " (it looks like a text file)";
        }
        return "";
    }

    private static boolean looksLikeText(byte[] data) {
        byte[] head = Arrays.copyOf(data, Math.min(data.length, 256));
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int u8(byte[] data, int pos) {
        return data[pos] & 0xFF;
    }

    private static int u16(byte[] data, int pos) {
        return (u8(data, pos) << 8) | u8(data, pos + 1);
    }

    private static int s32(byte[] data, int pos) {
        return (u16(data, pos) << 16) | u16(data, pos + 2);
    }
}
