package dev.jimeng.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.config.ColorChoice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperlinksTest {

    private static boolean supports(Map<String, String> env) {
        return Hyperlinks.terminalSupports(env::get);
    }

    @Test
    void linksTheTextToTheFileAndKeepsTheTextAsItWas() {
        String shown = "/tmp/videos/a b.mp4";
        String linked = Hyperlinks.file(Path.of(shown), shown);
        assertThat(linked)
                .matches("\u001b]8;;file://[A-Za-z0-9.-]*/tmp/videos/a%20b\\.mp4\u001b\\\\"
                        + "/tmp/videos/a b\\.mp4\u001b]8;;\u001b\\\\");
        assertThat(linked.replaceAll("\u001b]8;;[^\u001b]*\u001b\\\\", "")).isEqualTo(shown);
    }

    @Test
    void aFileNameCannotEndTheSequenceOrSendControlCharacters() {
        String uri = Hyperlinks.uri(Path.of("/tmp/千\u001b]8;;x\u0007.mp4"));
        assertThat(uri).endsWith("/tmp/%E5%8D%83%1B%5D8;;x%07.mp4").doesNotContain("\u001b", "\u0007");
    }

    @ParameterizedTest
    @CsvSource({
        "TERM_PROGRAM, iTerm.app, true",
        "TERM_PROGRAM, WezTerm, true",
        "TERM_PROGRAM, vscode, true",
        "TERM_PROGRAM, Apple_Terminal, false",
        "VTE_VERSION, 6003, true",
        "VTE_VERSION, 4205, false",
        "VTE_VERSION, new, false",
        "KITTY_WINDOW_ID, 1, true",
        "WT_SESSION, 0f4e, true",
        "COLORTERM, truecolor, false",
    })
    void knowsTheTerminalsThatAnnounceThemselves(String name, String value, boolean links) {
        assertThat(supports(Map.of("TERM", "xterm-256color", name, value))).isEqualTo(links);
    }

    @Test
    void notInsideTmuxOrScreenUnlessForced() {
        assertThat(supports(Map.of("TERM", "tmux-256color", "TERM_PROGRAM", "WezTerm")))
                .isFalse();
        assertThat(supports(Map.of("TERM", "xterm-256color", "TMUX", "/tmp/tmux-0/default,1,0", "WT_SESSION", "x")))
                .isFalse();
        assertThat(supports(Map.of("TERM", "screen", "JIMENG_HYPERLINKS", "1"))).isTrue();
        assertThat(supports(Map.of("TERM", "xterm-kitty", "JIMENG_HYPERLINKS", "0")))
                .isFalse();
        assertThat(supports(Map.of("TERM", "dumb", "TERM_PROGRAM", "vscode"))).isFalse();
    }

    @Test
    void colourChoiceNeverAndAPipeMeanNoLinksButNoColorKeepsThem() {
        Map<String, String> iterm = Map.of("TERM", "xterm-256color", "TERM_PROGRAM", "iTerm.app", "NO_COLOR", "1");
        assertThat(ColorChoice.AUTO.links(true, iterm::get)).isTrue();
        assertThat(ColorChoice.NEVER.links(true, iterm::get)).isFalse();
        assertThat(ColorChoice.ALWAYS.links(false, iterm::get)).isFalse();
    }
}
