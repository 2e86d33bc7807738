package dev.jimeng.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and building boxes held in a byte array. Reading trusts no size: a box that does not fit is an error. */
public final class Boxes {
    private Boxes() {}

    /**
     * The boxes that tile {@code from..to} of {@code b}, in order.
     *
     * @throws Mp4FormatException when a size is too small or runs past {@code to}
     */
    public static List<Box> children(byte[] b, int from, int to) throws Mp4FormatException {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new Mp4FormatException("a box header is cut off at byte " + at);
            }
            long size = u32(b, at);
            int header = 8;
            if (size == 1) {
                if (to - at < 16) {
                    throw new Mp4FormatException("a box header is cut off at byte " + at);
                }
                size = ByteBuffer.wrap(b, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at; // "to the end of the enclosing box"
            }
            if (size < header || size > to - at) {
                throw new Mp4FormatException("box at byte " + at + " has an impossible size " + size);
            }
            boxes.add(new Box(type(b, at + 4), at, at + header, at + (int) size));
            at += (int) size;
        }
        return boxes;
    }

    /** The first of {@code boxes} of {@code type}. */
    public static Optional<Box> first(List<Box> boxes, String type) {
        return boxes.stream().filter(x -> x.type().equals(type)).findFirst();
    }

    /** A box of {@code type} around the concatenated {@code parts}. */
    public static byte[] box(String type, byte[]... parts) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            payload.writeBytes(part);
        }
        return wrap(type, payload.toByteArray());
    }

    /** A full box: version 0 and no flags, then {@code parts}. */
    public static byte[] fullBox(String type, byte[]... parts) {
        byte[][] all = new byte[parts.length + 1][];
        all[0] = new byte[4];
        System.arraycopy(parts, 0, all, 1, parts.length);
        return box(type, all);
    }

    /**
     * {@code parent} rebuilt around {@code children}: its type, a new size, the bytes between its
     * header and {@code childrenStart} (a full box's version and flags) as they were, then the children.
     */
    public static byte[] withChildren(byte[] b, Box parent, int childrenStart, List<byte[]> children) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(b, parent.payload(), childrenStart - parent.payload());
        children.forEach(payload::writeBytes);
        return wrap(parent.type(), payload.toByteArray());
    }

    /** The bytes of {@code box}, header included, exactly as they are. */
    public static byte[] bytes(byte[] b, Box box) {
        return java.util.Arrays.copyOfRange(b, box.start(), box.end());
    }

    static byte[] wrap(String type, byte[] payload) {
        if (payload.length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("box too large");
        }
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(typeBytes(type))
                .put(payload)
                .array();
    }

    public static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    public static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(b, at, 4).getInt());
    }

    public static byte[] typeBytes(String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        if (t.length != 4) {
            throw new IllegalArgumentException("a box type has four characters: " + type);
        }
        return t;
    }

    static String type(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }
}
