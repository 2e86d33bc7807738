package dev.jimeng.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> KEYS =
            List.of("prompt", "mode", "duration", "fps", "image", "tail_image", "aspect_ratio", "seed");

    @Test
    void caseAndDashVersusUnderscoreDoNotCount() {
        assertThat(Spelling.closest("Mode", KEYS)).contains("mode");
        assertThat(Spelling.closest("aspect-ratio", KEYS)).contains("aspect_ratio");
        assertThat(Spelling.closest("Tail-Image", KEYS)).contains("tail_image");
    }

    @Test
    void oneOrTwoEditsAwayIsClose() {
        assertThat(Spelling.closest("durations", KEYS)).contains("duration");
        assertThat(Spelling.closest("promtp", KEYS)).contains("prompt");
        assertThat(Spelling.closest("aspectratio", KEYS)).contains("aspect_ratio");
        assertThat(Spelling.closest("fp", KEYS)).contains("fps");
    }

    @Test
    void farWordsHaveNoSuggestion() {
        assertThat(Spelling.closest("colour", KEYS)).isEmpty();
        assertThat(Spelling.closest("x", KEYS)).isEmpty();
        assertThat(Spelling.closest("imgs", KEYS)).isEmpty();
    }

    @Test
    void anAdjacentSwapIsOneEdit() {
        assertThat(Spelling.distance("seed", "sede")).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }
}
