package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DesktopOpenerTest {
    private static final Path NAMED_WITH_AN_AMPERSAND = Path.of("C:\\videos\\fox & hound\\clip.mp4");

    @Test
    void windowsOpensThroughAFileHandlerThatReadsNoCommandLine() {
        assertThat(DesktopOpener.command("Windows 11", NAMED_WITH_AN_AMPERSAND))
                .containsExactly("rundll32", "url.dll,FileProtocolHandler", NAMED_WITH_AN_AMPERSAND.toString())
                .doesNotContain("cmd");
    }

    @Test
    void macOsAndTheRestUseTheirDesktopsOpener() {
        Path page = Path.of("/home/me/gallery.html");

        assertThat(DesktopOpener.command("Mac OS X", page)).containsExactly("open", page.toString());
        assertThat(DesktopOpener.command("Linux", page)).containsExactly("xdg-open", page.toString());
    }
}
