package dev.jimeng.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphicsTest {
    @Test
    void kittyAndItermAreUsedOnlyWhenTheTerminalSaysSo() {
        assertThat(Graphics.detect(Map.of("TERM", "xterm-kitty"), true)).isEqualTo(Graphics.KITTY);
        assertThat(Graphics.detect(Map.of("TERM", "xterm-256color", "KITTY_WINDOW_ID", "1"), true))
                .isEqualTo(Graphics.KITTY);
        assertThat(Graphics.detect(Map.of("TERM", "xterm-256color", "TERM_PROGRAM", "iTerm.app"), true))
                .isEqualTo(Graphics.ITERM);
        assertThat(Graphics.detect(Map.of("TERM", "xterm-256color", "TERM_PROGRAM", "WezTerm"), true))
                .isEqualTo(Graphics.ITERM);
        assertThat(Graphics.detect(Map.of("TERM", "xterm-256color", "TERM_PROGRAM", "Apple_Terminal"), true))
                .isEqualTo(Graphics.PALETTE_BLOCKS);
    }

    @Test
    void insideTmuxHalfBlocksAreDrawnWhateverTheOuterTerminal() {
        assertThat(Graphics.detect(Map.of("TERM", "tmux-256color", "TMUX", "/tmp/t,1,0", "KITTY_WINDOW_ID", "3"), true))
                .isEqualTo(Graphics.PALETTE_BLOCKS);
        assertThat(Graphics.detect(Map.of("TERM", "screen-256color", "COLORTERM", "truecolor"), true))
                .isEqualTo(Graphics.TRUECOLOR_BLOCKS);
    }

    @Test
    void nothingIsDrawnForPipesAndDumbTerminals() {
        assertThat(Graphics.detect(Map.of("TERM", "xterm-kitty"), false)).isEqualTo(Graphics.NONE);
        assertThat(Graphics.detect(Map.of("TERM", "dumb"), true)).isEqualTo(Graphics.NONE);
        assertThat(Graphics.detect(Map.of(), true)).isEqualTo(Graphics.NONE);
    }
}
