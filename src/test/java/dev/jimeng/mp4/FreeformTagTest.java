package dev.jimeng.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The freeform tag in a moov: added, replaced and read back, with every other box kept byte for byte. */
class FreeformTagTest {
    private static final FreeformTag TAG = new FreeformTag("dev.jimeng", "jimeng");
    private static final byte[] MVHD = Boxes.fullBox("mvhd", new byte[96]);
    private static final byte[] TRAK = Boxes.box("trak", Boxes.fullBox("tkhd", new byte[80]));

    @Test
    void aMoovWithoutUserDataGetsOneWithTheTagAfterEverythingElse() throws Exception {
        byte[] moov = Boxes.box("moov", MVHD, TRAK);

        byte[] tagged = TAG.put(moov, "{\"a\":1}");

        List<Box> kids = Boxes.children(tagged, 8, tagged.length);
        assertThat(kids).extracting(Box::type).containsExactly("mvhd", "trak", "udta");
        assertThat(Boxes.bytes(tagged, kids.get(0))).isEqualTo(MVHD);
        assertThat(Boxes.bytes(tagged, kids.get(1))).isEqualTo(TRAK);
        assertThat(TAG.get(tagged)).hasValue("{\"a\":1}");
        assertThat(TAG.get(moov)).isEmpty();
    }

    @Test
    void anExistingItunesListKeepsItsEntriesAndGainsTheTag() throws Exception {
        byte[] comment = Boxes.box("\u00a9cmt", Boxes.box("data", Boxes.u32(1), Boxes.u32(0), utf8("theirs")));
        byte[] other = new FreeformTag("com.apple.iTunes", "AIGC").entry("{\"Label\":\"1\"}");
        byte[] chapters = Boxes.box("chpl", new byte[9]);
        byte[] meta = Boxes.fullBox("meta", hdlr("mdir"), Boxes.box("ilst", comment, other));
        byte[] moov = Boxes.box("moov", MVHD, Boxes.box("udta", chapters, meta), TRAK);

        byte[] tagged = TAG.put(moov, "v1");

        assertThat(contains(tagged, comment)).isTrue();
        assertThat(contains(tagged, other)).isTrue();
        assertThat(contains(tagged, chapters)).isTrue();
        assertThat(contains(tagged, TRAK)).isTrue();
        List<Box> kids = Boxes.children(tagged, 8, tagged.length);
        assertThat(kids).extracting(Box::type).containsExactly("mvhd", "udta", "trak");
        assertThat(new FreeformTag("com.apple.iTunes", "AIGC").get(tagged)).hasValue("{\"Label\":\"1\"}");
        assertThat(TAG.get(tagged)).hasValue("v1");
        // one meta, one ilst: the tag went into the list that was there
        assertThat(count(tagged, "ilst")).isEqualTo(1);
    }

    @Test
    void puttingTheTagAgainReplacesItInsteadOfAddingASecond() throws Exception {
        byte[] moov = Boxes.box("moov", MVHD);

        byte[] twice = TAG.put(TAG.put(moov, "first"), "second");

        assertThat(TAG.get(twice)).hasValue("second");
        assertThat(count(twice, "----")).isEqualTo(1);
        assertThat(twice).isEqualTo(TAG.put(moov, "second"));
    }

    @Test
    void aKeyedQuickTimeMetaIsLeftAloneAndTheTagGetsItsOwn() throws Exception {
        byte[] keyed = Boxes.fullBox("meta", hdlr("mdta"), Boxes.box("keys", new byte[8]), Boxes.box("ilst"));
        byte[] moov = Boxes.box("moov", MVHD, Boxes.box("udta", keyed));

        byte[] tagged = TAG.put(moov, "x");

        assertThat(contains(tagged, keyed)).isTrue();
        assertThat(count(tagged, "meta")).isEqualTo(2);
        assertThat(TAG.get(tagged)).hasValue("x");
    }

    @Test
    void hostileTextIsStoredAndReadBackExactly() throws Exception {
        String hostile = "\u001b]0;owned\u0007\u009b2J\u202e\u0000 \"}{" + "\u72d0".repeat(300_000);

        byte[] tagged = TAG.put(Boxes.box("moov", MVHD), hostile);

        assertThat(TAG.get(tagged)).hasValue(hostile);
    }

    @Test
    void aBrokenMoovIsAnErrorToWriteAndHoldsNothingToRead() {
        byte[] broken = Boxes.box("moov", MVHD);
        broken[11] = 0x7f; // mvhd's size now runs past the moov

        assertThatThrownBy(() -> TAG.put(broken, "x")).isInstanceOf(Mp4FormatException.class);
        assertThat(TAG.get(broken)).isEmpty();
        assertThat(TAG.get(new byte[] {1, 2, 3})).isEmpty();
    }

    static byte[] hdlr(String handler) {
        return Boxes.fullBox("hdlr", Boxes.u32(0), Boxes.typeBytes(handler), new byte[12], new byte[1]);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0) >= 0;
    }

    private static int count(byte[] haystack, String type) {
        byte[] t = Boxes.typeBytes(type);
        int n = 0;
        for (int at = indexOf(haystack, t, 0); at >= 0; at = indexOf(haystack, t, at + 1)) {
            n++;
        }
        return n;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
