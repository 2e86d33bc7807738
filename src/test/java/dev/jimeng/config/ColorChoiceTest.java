package dev.jimeng.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorChoiceTest {
    @Test
    void autoColoursOnlyATerminalWithoutNoColorThatIsNotDumb() {
        assertThat(ColorChoice.AUTO.colors(true, null, "xterm-256color")).isTrue();
        assertThat(ColorChoice.AUTO.colors(true, "", "xterm"))
                .as("an empty NO_COLOR is unset")
                .isTrue();
        assertThat(ColorChoice.AUTO.colors(true, "1", "xterm")).isFalse();
        assertThat(ColorChoice.AUTO.colors(true, null, "dumb")).isFalse();
        assertThat(ColorChoice.AUTO.colors(false, null, "xterm")).as("a pipe").isFalse();
    }

    @Test
    void alwaysAndNeverOverrideEverything() {
        assertThat(ColorChoice.ALWAYS.colors(false, "1", "dumb")).isTrue();
        assertThat(ColorChoice.NEVER.colors(true, null, "xterm")).isFalse();
    }
}
