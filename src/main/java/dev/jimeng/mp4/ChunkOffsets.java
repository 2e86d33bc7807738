package dev.jimeng.mp4;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The chunk offset tables ({@code stco}, {@code co64}) of every track: absolute file positions of
 * the media. When a {@code moov} that comes before the media grows, the media moves and each
 * offset behind the {@code moov} moves by as much.
 */
final class ChunkOffsets {
    private static final String[] PATH = {"trak", "mdia", "minf", "stbl"};

    private ChunkOffsets() {}

    /** Adds {@code delta} to each offset in {@code moov} that is at least {@code from}, in place. */
    static void shift(byte[] moov, long from, long delta) throws Mp4FormatException {
        Box root = Boxes.children(moov, 0, moov.length).getFirst();
        for (Box table : tables(moov, root, 0)) {
            boolean wide = table.type().equals("co64");
            int width = wide ? 8 : 4;
            if (table.end() - table.payload() < 8) {
                throw new Mp4FormatException(table.type() + " box is cut off");
            }
            long count = Boxes.u32(moov, table.payload() + 4);
            int first = table.payload() + 8;
            if (count * width > table.end() - first) {
                throw new Mp4FormatException(table.type() + " box claims more entries than it holds");
            }
            ByteBuffer entries = ByteBuffer.wrap(moov);
            for (int i = 0; i < count; i++) {
                int at = first + i * width;
                long offset = wide ? entries.getLong(at) : Integer.toUnsignedLong(entries.getInt(at));
                if (offset < from) {
                    continue;
                }
                long moved = offset + delta;
                if (wide) {
                    entries.putLong(at, moved);
                } else if (moved > 0xFFFF_FFFFL) {
                    throw new Mp4FormatException("the media would move past 4 GiB, beyond 32-bit chunk offsets");
                } else {
                    entries.putInt(at, (int) moved);
                }
            }
        }
    }

    /** The stco and co64 boxes under moov/trak/mdia/minf/stbl. */
    private static List<Box> tables(byte[] b, Box box, int depth) throws Mp4FormatException {
        List<Box> kids = Boxes.children(b, box.payload(), box.end());
        if (depth == PATH.length) {
            return kids.stream()
                    .filter(k -> k.type().equals("stco") || k.type().equals("co64"))
                    .toList();
        }
        List<Box> found = new java.util.ArrayList<>();
        for (Box kid : kids) {
            if (kid.type().equals(PATH[depth])) {
                found.addAll(tables(b, kid, depth + 1));
            }
        }
        return found;
    }
}
