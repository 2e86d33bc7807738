package dev.jimeng.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfBlocksTest {
    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;
    private static final int WHITE = 0xffffff;

    /** 2×3 pixels: red over green, blue over white; then grey and navy over a missing row (black). */
    private static final Frame KNOWN = new Frame(2, 3, new int[] {RED, BLUE, GREEN, WHITE, 0x808080, 0x123456});

    @Test
    void truecolourCellsCarryTheUpperPixelInFrontAndTheLowerBehind() {
        assertThat(HalfBlocks.render(KNOWN, true))
                .isEqualTo("\033[38;2;255;0;0;48;2;0;255;0m▀\033[38;2;0;0;255;48;2;255;255;255m▀\033[0m\n"
                        + "\033[38;2;128;128;128;48;2;0;0;0m▀\033[38;2;18;52;86;48;2;0;0;0m▀\033[0m\n");
    }

    @Test
    void paletteCellsUseTheNearestOfXtermsCubeAndGreyRamp() {
        assertThat(HalfBlocks.render(KNOWN, false))
                .isEqualTo("\033[38;5;196;48;5;46m▀\033[38;5;21;48;5;231m▀\033[0m\n"
                        + "\033[38;5;244;48;5;16m▀\033[38;5;23;48;5;16m▀\033[0m\n");
    }

    @Test
    void greysGoToTheGreyRampAndPureColoursToTheCube() {
        assertThat(HalfBlocks.paletteIndex(128, 128, 128)).isEqualTo(244);
        assertThat(HalfBlocks.paletteIndex(0, 0, 0)).isEqualTo(16);
        assertThat(HalfBlocks.paletteIndex(255, 255, 0)).isEqualTo(226);
    }

    @Test
    void aThumbnailKeepsTheAspectRatioInCellsAndAveragesWhatItShrinks() {
        int[] pixels = new int[16 * 8];
        java.util.Arrays.fill(pixels, 0, 64, WHITE); // top half white, bottom half black
        Frame frame = new Frame(16, 8, pixels);

        String blocks = Thumbnails.render(frame, 8, Graphics.TRUECOLOR_BLOCKS);

        assertThat(blocks.lines()).hasSize(2).allSatisfy(l -> assertThat(
                        l.codePoints().filter(c -> c == '▀').count())
                .isEqualTo(8));
        assertThat(blocks.lines().toList().get(0)).contains("38;2;255;255;255;48;2;255;255;255m");
        assertThat(blocks.lines().toList().get(1)).contains("38;2;0;0;0;48;2;0;0;0m");
        assertThat(Thumbnails.forBlocks(new Frame(1280, 720, new int[1280 * 720]), 40))
                .extracting(Frame::width, Frame::height)
                .containsExactly(40, 22);
    }
}
