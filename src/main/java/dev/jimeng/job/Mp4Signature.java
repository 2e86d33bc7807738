package dev.jimeng.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Recognises an ISO-BMFF (MP4) file by its first box: a {@code ftyp} box of sane size. The one check
 * used both by the downloader before it renames a file into place and by the engine when it finds a
 * video already on disk.
 */
public final class Mp4Signature {
    public static final int HEAD_BYTES = 8;
    private static final int SMALLEST_FTYP = 16; // size, type, major brand, minor version

    private Mp4Signature() {}

    /** Null when {@code head} (the first bytes of a file of {@code fileLength}) starts an MP4, otherwise why not. */
    public static String problem(byte[] head, long fileLength) {
        if (head.length < HEAD_BYTES) {
            return "only " + fileLength + " bytes, too short for an MP4";
        }
        String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        if (!type.equals("ftyp")) {
            return "not an MP4: the first box is not 'ftyp'";
        }
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(head, 0, 4).getInt());
        if (size < SMALLEST_FTYP || size > fileLength) {
            return "not an MP4: the 'ftyp' box claims " + size + " bytes";
        }
        return null;
    }
}
