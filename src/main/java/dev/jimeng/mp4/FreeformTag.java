package dev.jimeng.mp4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An iTunes-style freeform tag, {@code moov/udta/meta/ilst/----} with a {@code mean} (an owner, in
 * reverse-domain form), a {@code name} and a UTF-8 {@code data} value: the one tag layout made for
 * keys an application invents, read by ffmpeg (which shows it as a format tag under its name) and
 * kept by tools that rewrite MP4s. Every other box of the {@code moov} stays byte for byte as it was,
 * whatever labels it holds: a new {@code udta}, {@code meta} or {@code ilst} is added only where
 * none of that kind exists, and only an earlier value of the same tag is replaced.
 */
public final class FreeformTag {
    /** The {@code data} box's type for UTF-8 text. */
    private static final int UTF8 = 1;

    private final String mean;
    private final String name;

    public FreeformTag(String mean, String name) {
        this.mean = mean;
        this.name = name;
    }

    /**
     * {@code moov} (a whole moov box) with this tag set to {@code value}.
     *
     * @throws Mp4FormatException when {@code moov} is not a well-formed moov box
     */
    public byte[] put(byte[] moov, String value) throws Mp4FormatException {
        Box root = root(moov);
        List<Box> kids = Boxes.children(moov, root.payload(), root.end());
        Optional<Box> udta = Boxes.first(kids, "udta");
        byte[] newUdta = udta.isPresent() ? putInUdta(moov, udta.get(), value) : Boxes.box("udta", newMeta(value));
        return Boxes.withChildren(moov, root, root.payload(), replaced(moov, kids, udta, newUdta));
    }

    /** This tag's value in {@code moov}, or empty when it has none or is not well-formed there. */
    public Optional<String> get(byte[] moov) {
        try {
            Box root = root(moov);
            for (Box udta : ofType(moov, root.payload(), root.end(), "udta")) {
                for (Box meta : ofType(moov, udta.payload(), udta.end(), "meta")) {
                    for (Box ilst : ofType(moov, metaChildren(moov, meta), meta.end(), "ilst")) {
                        for (Box entry : ofType(moov, ilst.payload(), ilst.end(), "----")) {
                            Optional<String> value = valueIfOurs(moov, entry);
                            if (value.isPresent()) {
                                return value;
                            }
                        }
                    }
                }
            }
        } catch (Mp4FormatException e) {
            // a broken moov holds no tag of ours
        }
        return Optional.empty();
    }

    /** The tag's own box. */
    byte[] entry(String value) {
        return Boxes.box(
                "----",
                Boxes.fullBox("mean", mean.getBytes(StandardCharsets.UTF_8)),
                Boxes.fullBox("name", name.getBytes(StandardCharsets.UTF_8)),
                Boxes.box("data", Boxes.u32(UTF8), Boxes.u32(0), value.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] putInUdta(byte[] b, Box udta, String value) throws Mp4FormatException {
        List<Box> kids = Boxes.children(b, udta.payload(), udta.end());
        Optional<Box> meta = Optional.empty();
        for (Box kid : kids) {
            if (kid.type().equals("meta") && "mdir".equals(handler(b, kid))) {
                meta = Optional.of(kid);
                break;
            }
        }
        // another handler's meta (QuickTime "mdta" keys, say) is left alone: ours gets its own
        byte[] newMeta = meta.isPresent() ? putInMeta(b, meta.get(), value) : newMeta(value);
        return Boxes.withChildren(b, udta, udta.payload(), replaced(b, kids, meta, newMeta));
    }

    private byte[] putInMeta(byte[] b, Box meta, String value) throws Mp4FormatException {
        int childrenStart = metaChildren(b, meta);
        List<Box> kids = Boxes.children(b, childrenStart, meta.end());
        Optional<Box> ilst = Boxes.first(kids, "ilst");
        byte[] newIlst;
        if (ilst.isPresent()) {
            List<Box> entries =
                    Boxes.children(b, ilst.get().payload(), ilst.get().end());
            List<byte[]> kept = new ArrayList<>();
            for (Box entry : entries) {
                if (!entry.type().equals("----") || valueIfOurs(b, entry).isEmpty()) {
                    kept.add(Boxes.bytes(b, entry));
                }
            }
            kept.add(entry(value));
            newIlst = Boxes.withChildren(b, ilst.get(), ilst.get().payload(), kept);
        } else {
            newIlst = Boxes.box("ilst", entry(value));
        }
        return Boxes.withChildren(b, meta, childrenStart, replaced(b, kids, ilst, newIlst));
    }

    private byte[] newMeta(String value) {
        byte[] hdlr = Boxes.fullBox(
                "hdlr",
                Boxes.u32(0), // pre_defined
                Boxes.typeBytes("mdir"),
                Boxes.typeBytes("appl"),
                new byte[8], // reserved
                new byte[1]); // an empty name
        return Boxes.fullBox("meta", hdlr, Boxes.box("ilst", entry(value)));
    }

    /** The value of a {@code ----} entry when its mean and name are this tag's. */
    private Optional<String> valueIfOurs(byte[] b, Box entry) throws Mp4FormatException {
        List<Box> parts = Boxes.children(b, entry.payload(), entry.end());
        Optional<Box> m = Boxes.first(parts, "mean");
        Optional<Box> n = Boxes.first(parts, "name");
        Optional<Box> d = Boxes.first(parts, "data");
        if (m.isEmpty() || n.isEmpty() || d.isEmpty()) {
            return Optional.empty();
        }
        if (!mean.equals(fullBoxText(b, m.get())) || !name.equals(fullBoxText(b, n.get()))) {
            return Optional.empty();
        }
        Box data = d.get();
        if (data.end() - data.payload() < 8 || Boxes.u32(b, data.payload()) != UTF8) {
            return Optional.empty();
        }
        return Optional.of(new String(b, data.payload() + 8, data.end() - data.payload() - 8, StandardCharsets.UTF_8));
    }

    private static String fullBoxText(byte[] b, Box box) {
        int from = box.payload() + 4;
        return from > box.end() ? null : new String(b, from, box.end() - from, StandardCharsets.UTF_8);
    }

    /** The handler type of a meta box, from its hdlr child, or null. */
    private static String handler(byte[] b, Box meta) throws Mp4FormatException {
        for (Box hdlr : ofType(b, metaChildren(b, meta), meta.end(), "hdlr")) {
            if (hdlr.end() - hdlr.payload() >= 12) {
                return Boxes.type(b, hdlr.payload() + 8);
            }
        }
        return null;
    }

    /**
     * Where a meta box's children start: ISO and iTunes files make it a full box (4 bytes of version
     * and flags first), QuickTime's moov/meta is a plain one. A child's size is never 0 there, so a
     * zero first word is the version and flags.
     */
    private static int metaChildren(byte[] b, Box meta) {
        boolean full = meta.end() - meta.payload() >= 4 && Boxes.u32(b, meta.payload()) == 0;
        return full ? meta.payload() + 4 : meta.payload();
    }

    private static List<Box> ofType(byte[] b, int from, int to, String type) throws Mp4FormatException {
        return Boxes.children(b, from, to).stream()
                .filter(x -> x.type().equals(type))
                .toList();
    }

    /** The children's bytes with {@code old} replaced by {@code replacement}, or it appended when there was none. */
    private static List<byte[]> replaced(byte[] b, List<Box> kids, Optional<Box> old, byte[] replacement) {
        List<byte[]> out = new ArrayList<>();
        for (Box kid : kids) {
            out.add(old.isPresent() && kid.equals(old.get()) ? replacement : Boxes.bytes(b, kid));
        }
        if (old.isEmpty()) {
            out.add(replacement);
        }
        return out;
    }

    private static Box root(byte[] moov) throws Mp4FormatException {
        List<Box> top = Boxes.children(moov, 0, moov.length);
        if (top.size() != 1 || !top.getFirst().type().equals("moov")) {
            throw new Mp4FormatException("not a moov box");
        }
        return top.getFirst();
    }
}
