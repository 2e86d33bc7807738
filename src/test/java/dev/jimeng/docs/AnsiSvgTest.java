package dev.jimeng.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class AnsiSvgTest {
    private static final String ESC = "\u001b";

    private static List<AnsiSvg.Run> runs(String line) {
        List<AnsiSvg.Run> runs = new ArrayList<>();
        AnsiSvg.parseLine(line, AnsiSvg.Style.PLAIN, 100, runs);
        return runs;
    }

    @Test
    void readsTheSixteenThe256AndThe24BitColours() {
        List<AnsiSvg.Run> runs = runs(
                ESC + "[31mred" + ESC + "[38;5;196mhot" + ESC + "[38;2;1;2;255mblue" + ESC + "[0;1;7mbold reverse");
        assertThat(runs).extracting(r -> r.style().fg()).containsExactly("#cd3131", "#ff0000", "#0102ff", null);
        AnsiSvg.Style last = runs.get(3).style();
        assertThat(last.bold()).isTrue();
        assertThat(last.reverse()).isTrue();
        assertThat(last.fillColour()).isEqualTo(AnsiSvg.FOREGROUND);
        assertThat(last.textColour()).isEqualTo(AnsiSvg.BACKGROUND);
    }

    @Test
    void paletteHasTheCubeAndTheGreys() {
        assertThat(AnsiSvg.palette(16)).isEqualTo("#000000");
        assertThat(AnsiSvg.palette(231)).isEqualTo("#ffffff");
        assertThat(AnsiSvg.palette(232)).isEqualTo("#080808");
        assertThat(AnsiSvg.palette(9)).isEqualTo("#f14c4c");
    }

    @Test
    void wideCharactersTakeTwoCellsAndPushTheRest() {
        List<AnsiSvg.Run> runs = runs("a千军b");
        assertThat(runs).extracting(AnsiSvg.Run::column).containsExactly(0, 1, 3, 5);
        assertThat(runs).extracting(AnsiSvg.Run::cells).containsExactly(1, 2, 2, 1);
    }

    @Test
    void otherEscapeSequencesAreSkipped() {
        List<AnsiSvg.Run> runs =
                runs(ESC + "]8;;file:///x.mp4" + ESC + "\\x.mp4" + ESC + "]8;;" + ESC + "\\" + ESC + "[2K!");
        assertThat(runs).extracting(AnsiSvg.Run::text).containsExactly("x.mp4!");
    }

    @Test
    void escapesMarkupAndParsesAsXml() throws Exception {
        String svg = AnsiSvg.svg(ESC + "[32m<a & b>\n\"千\"", 20, 3);
        assertThat(svg).contains("&lt;a &amp; b&gt;").doesNotContain("<a &");
        parse(svg);
    }

    @Test
    void theReadmePicturesAreWellFormedSvg() throws Exception {
        for (String name : List.of("shell.svg", "panel.svg")) {
            Path file = Path.of("docs", name);
            assertThat(file).exists();
            var root = parse(Files.readString(file)).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("svg");
        }
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
