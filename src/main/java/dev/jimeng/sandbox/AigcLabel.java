package dev.jimeng.sandbox;

import dev.jimeng.mp4.Box;
import dev.jimeng.mp4.Boxes;
import dev.jimeng.mp4.Mp4FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The AI-generated-content label the real service can put in its videos: a container metadata key
 * {@code AIGC} holding JSON (the implicit label of GB 45438-2025). The sandbox writes it the way
 * QuickTime keyed metadata is laid out ({@code moov/meta} with an {@code mdta} handler, a {@code
 * keys} table and an {@code ilst} item by key index), which ffprobe shows as the format tag {@code
 * AIGC}; anything jimeng writes into a video must leave it exactly as it is.
 */
final class AigcLabel {
    static final String KEY = "AIGC";

    private AigcLabel() {}

    /** The label's JSON for a sandbox video. */
    static String json(String produceId) {
        return "{\"Label\":\"1\",\"ContentProducer\":\"jimeng-sandbox\",\"ProduceID\":\"" + produceId
                + "\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"\",\"PropagateID\":\"\",\"ReservedCode2\":\"\"}";
    }

    /** {@code moov} with a {@code moov/meta} holding the label appended to its children. */
    static byte[] add(byte[] moov, String json) throws Mp4FormatException {
        Box root = Boxes.children(moov, 0, moov.length).getFirst();
        List<byte[]> kids = new ArrayList<>();
        for (Box kid : Boxes.children(moov, root.payload(), root.end())) {
            kids.add(Boxes.bytes(moov, kid));
        }
        kids.add(meta(json));
        return Boxes.withChildren(moov, root, root.payload(), kids);
    }

    private static byte[] meta(String json) {
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        byte[] hdlr = Boxes.fullBox("hdlr", Boxes.u32(0), Boxes.typeBytes("mdta"), new byte[12], new byte[1]);
        byte[] keys = Boxes.fullBox("keys", Boxes.u32(1), Boxes.u32(8 + key.length), Boxes.typeBytes("mdta"), key);
        byte[] item = Boxes.box(
                "\0\0\0\1", // the item of key 1
                Boxes.box("data", Boxes.u32(1), Boxes.u32(0), json.getBytes(StandardCharsets.UTF_8)));
        // QuickTime's moov/meta is a plain box: no version and flags
        return Boxes.box("meta", hdlr, keys, Boxes.box("ilst", item));
    }
}
