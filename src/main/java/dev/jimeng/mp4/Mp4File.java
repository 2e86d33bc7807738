package dev.jimeng.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An MP4 file's top-level boxes, its {@code moov} read out, and the file rewritten with a new
 * {@code moov}: everything before and after it copied byte for byte, chunk offsets moved when the
 * media follows it, into a temporary file that is synced and renamed over the original (so a
 * reader or a crash sees the old file or the new one, never half of one).
 */
public final class Mp4File {
    /** A moov larger than this is not read: hours of video have a few MB of it. */
    static final long MAX_MOOV = 64L * 1024 * 1024;

    /** One top-level box in the file. */
    record TopBox(String type, long start, long end) {}

    private Mp4File() {}

    /** The file's moov box, or empty when it is not an MP4 or has no (readable) moov. */
    public static Optional<byte[]> moov(Path file) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            TopBox moov = onlyMoov(topBoxes(in));
            return Optional.of(read(in, moov));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the file's moov with {@code edit} of it.
     *
     * @throws Mp4FormatException when the file is not an MP4 whose layout this can rewrite safely
     *     (fragmented, with more than one moov, or a moov too big); the file is then untouched
     */
    public static void rewriteMoov(Path file, MoovEdit edit) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".moov.part");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            List<TopBox> top = topBoxes(in);
            for (TopBox box : top) {
                if (box.type().equals("moof") || box.type().equals("mfra")) {
                    throw new Mp4FormatException("a fragmented MP4 is not rewritten");
                }
            }
            TopBox moov = onlyMoov(top);
            byte[] old = read(in, moov);
            byte[] updated = edit.apply(old);
            long delta = updated.length - (moov.end() - moov.start());
            if (delta != 0 && moov.end() < in.size()) {
                ChunkOffsets.shift(updated, moov.end(), delta);
            }
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                copy(in, 0, moov.start(), out);
                ByteBuffer bytes = ByteBuffer.wrap(updated);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                copy(in, moov.end(), in.size(), out);
                out.force(true);
            }
            keepPermissions(file, temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A change to a whole moov box. */
    @FunctionalInterface
    public interface MoovEdit {
        byte[] apply(byte[] moov) throws Mp4FormatException;
    }

    /** The top-level boxes, which must tile the file exactly. */
    static List<TopBox> topBoxes(FileChannel in) throws IOException {
        List<TopBox> boxes = new ArrayList<>();
        long size = in.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (at < size) {
            header.clear();
            int got = in.read(header, at);
            if (got < 8) {
                throw new Mp4FormatException("not an MP4: a box header is cut off at byte " + at);
            }
            long length = Integer.toUnsignedLong(header.getInt(0));
            int headerSize = 8;
            if (length == 1) {
                if (got < 16) {
                    throw new Mp4FormatException("not an MP4: a box header is cut off at byte " + at);
                }
                length = header.getLong(8);
                headerSize = 16;
            } else if (length == 0) {
                length = size - at;
            }
            if (length < headerSize || length > size - at) {
                throw new Mp4FormatException("not an MP4: the box at byte " + at + " has an impossible size");
            }
            byte[] type = new byte[4];
            header.get(4, type);
            boxes.add(new TopBox(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1), at, at + length));
            at += length;
        }
        if (boxes.isEmpty() || !boxes.getFirst().type().equals("ftyp")) {
            throw new Mp4FormatException("not an MP4: it does not start with an ftyp box");
        }
        return boxes;
    }

    private static TopBox onlyMoov(List<TopBox> top) throws Mp4FormatException {
        List<TopBox> moovs = top.stream().filter(b -> b.type().equals("moov")).toList();
        if (moovs.size() != 1) {
            throw new Mp4FormatException("an MP4 has one moov box, this one has " + moovs.size());
        }
        TopBox moov = moovs.getFirst();
        if (moov.end() - moov.start() > MAX_MOOV) {
            throw new Mp4FormatException("the moov box is larger than " + MAX_MOOV / 1024 / 1024 + " MiB");
        }
        return moov;
    }

    private static byte[] read(FileChannel in, TopBox box) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (box.end() - box.start()));
        while (bytes.hasRemaining()) {
            if (in.read(bytes, box.start() + bytes.position()) < 0) {
                throw new Mp4FormatException("the file ends inside its moov box");
            }
        }
        return bytes.array();
    }

    private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
        long at = from;
        while (at < to) {
            long moved = in.transferTo(at, to - at, out);
            if (moved <= 0) {
                throw new IOException("the file changed while it was copied");
            }
            at += moved;
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (source != null) {
            Files.setPosixFilePermissions(to, source.readAttributes().permissions());
        }
    }
}
