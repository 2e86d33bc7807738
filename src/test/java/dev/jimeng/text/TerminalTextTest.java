package dev.jimeng.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void widthCountsCjkAndEmojiAsTwoColumnsAndMarksAsNone() {
        assertThat(TerminalText.width("a fox")).isEqualTo(5);
        assertThat(TerminalText.width("千军万马")).isEqualTo(8);
        assertThat(TerminalText.width("，")).as("fullwidth comma").isEqualTo(2);
        assertThat(TerminalText.width("한국")).isEqualTo(4);
        assertThat(TerminalText.width("🦊")).isEqualTo(2);
        assertThat(TerminalText.width("✅⭐")).isEqualTo(4);
        assertThat(TerminalText.width("🏔️"))
                .as("mountain + variation selector")
                .isEqualTo(2);
        assertThat(TerminalText.width("e\u0301")).as("e + combining acute").isEqualTo(1);
        assertThat(TerminalText.width("…✔·")).as("narrow symbols").isEqualTo(3);
    }

    @Test
    void fitCutsWithAnEllipsisAndCountsWideCharactersAsTwoColumns() {
        assertThat(TerminalText.fit("a lighthouse", 20)).isEqualTo("a lighthouse");
        assertThat(TerminalText.fit("a lighthouse", 6)).isEqualTo("a lig…");
        assertThat(TerminalText.fit("一只橘猫在窗台", 7)).isEqualTo("一只橘…");
        assertThat(TerminalText.fit("一只橘猫在窗台", 6)).isEqualTo("一只…");
        assertThat(TerminalText.fit("🦊🦊🦊", 4))
                .as("never splits a surrogate pair")
                .isEqualTo("🦊…");
        assertThat(TerminalText.width(TerminalText.pad("一只橘猫在窗台", 8))).isEqualTo(8);
        assertThat(TerminalText.padLeft("42%", 5)).isEqualTo("  42%");
    }

    @Test
    void fitLeftKeepsTheFileName() {
        assertThat(TerminalText.fitLeft("/home/me/videos/d4e5f6a7.mp4", 14)).isEqualTo("…/d4e5f6a7.mp4");
        assertThat(TerminalText.fitLeft("/视频/狐狸.mp4", 9)).isEqualTo("…狐狸.mp4");
    }

    @Test
    void oneLineTurnsLineBreaksIntoSingleSpacesAndShowsOtherControls() {
        assertThat(TerminalText.oneLine("a\u001b]52;c;x\u0007b\n\nc\td  ")).isEqualTo("a\\e]52;c;x\\ab c d");
        assertThat(TerminalText.oneLine("  一只\n橘猫 🦊 ")).isEqualTo("一只 橘猫 🦊");
        assertThat(TerminalText.oneLine("bad \uD800 half")).isEqualTo("bad ? half");
        assertThat(TerminalText.oneLine("x\u009b2Jy\u202ez")).isEqualTo("x\\u009b2Jy\\u202ez");
        assertThat(TerminalText.oneLine(null)).isEmpty();
    }

    @Test
    void safeShowsEveryControlVisiblyAndKeepsTheRest() {
        assertThat(TerminalText.safe("\u001b]0;pwned\u0007")).isEqualTo("\\e]0;pwned\\a");
        assertThat(TerminalText.safe("\u001b[2J\u001b]52;c;aGk=\u0007")).isEqualTo("\\e[2J\\e]52;c;aGk=\\a");
        assertThat(TerminalText.safe("a\nb\r\tc\u0000d\u007f")).isEqualTo("a\\nb\\r\\tc\\u0000d\\u007f");
        assertThat(TerminalText.safe("\u009b31m \u0085 \u0090")).isEqualTo("\\u009b31m \\u0085 \\u0090");
        assertThat(TerminalText.safe("abc\u202edcba\u2066x\u2069\u200f\u2028"))
                .isEqualTo("abc\\u202edcba\\u2066x\\u2069\\u200f\\u2028");
        assertThat(TerminalText.safe("bad \uDC00 half \uD800")).isEqualTo("bad ? half ?");
        String clean = "千军万马 🦊 e\u0301 \\path\\to \u200d";
        assertThat(TerminalText.safe(clean)).isSameAs(clean);
        assertThat(TerminalText.safe(null)).isEmpty();
    }

    @Test
    void safeLinesKeepsLineBreaksAndTabsOnly() {
        assertThat(TerminalText.safeLines("one\r\ntwo\rthree\n\tat x\u001b[2J"))
                .isEqualTo("one\ntwo\nthree\n\tat x\\e[2J");
    }

    @Test
    void nothingUnsafeSurvives() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x3000; cp++) {
            if (!Character.isSurrogate((char) cp)) {
                all.appendCodePoint(cp);
            }
        }
        for (String shown : new String[] {TerminalText.safe(all.toString()), TerminalText.oneLine(all.toString())}) {
            assertThat(shown.codePoints()).noneMatch(TerminalText::unsafe);
        }
    }
}
