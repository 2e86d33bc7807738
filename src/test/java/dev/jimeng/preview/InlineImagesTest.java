package dev.jimeng.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class InlineImagesTest {
    private static final Pattern KITTY = Pattern.compile("\033_G([^;]*);([A-Za-z0-9+/=]*)\033\\\\");

    @Test
    void kittyChunksTheBase64PngAndMarksAllButTheLastChunkAsMore() throws Exception {
        Frame noisy = noise(200, 120); // random pixels: a PNG far above one chunk
        String out = InlineImages.kitty(noisy, 30);

        List<String> keys = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        Matcher m = KITTY.matcher(out);
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("nothing between chunks").isEqualTo(end);
            end = m.end();
            keys.add(m.group(1));
            assertThat(m.group(2).length()).isLessThanOrEqualTo(4096);
            payload.append(m.group(2));
        }
        assertThat(out.substring(end)).isEqualTo("\n");
        assertThat(keys).hasSizeGreaterThan(2);
        assertThat(keys.getFirst()).isEqualTo("a=T,f=100,q=2,c=30,m=1");
        assertThat(keys.subList(1, keys.size() - 1)).containsOnly("m=1");
        assertThat(keys.getLast()).isEqualTo("m=0");
        assertDecodesTo(payload.toString(), noisy);
    }

    @Test
    void aSmallImageIsOneKittyChunk() {
        String out = InlineImages.kitty(new Frame(2, 2, new int[4]), 10);
        assertThat(out).startsWith("\033_Ga=T,f=100,q=2,c=10,m=0;").endsWith("\033\\\n");
    }

    @Test
    void itermGetsOneOscWithTheSizeWidthAndBase64Png() throws Exception {
        Frame frame = noise(40, 20);
        String out = InlineImages.iterm(frame, 24);

        Matcher m = Pattern.compile(
                        "\033]1337;File=inline=1;size=(\\d+);width=24;preserveAspectRatio=1:([A-Za-z0-9+/=]+)\007\n")
                .matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        assertThat(Base64.getDecoder().decode(m.group(2))).hasSize(Integer.parseInt(m.group(1)));
        assertDecodesTo(m.group(2), frame);
    }

    @Test
    void nothingIsDrawnWhereNoPictureCanBeShown() {
        assertThat(Thumbnails.render(new Frame(2, 2, new int[4]), 10, Graphics.NONE))
                .isEmpty();
    }

    private static void assertDecodesTo(String base64, Frame expected) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xffffff;
        }
        assertThat(new Frame(image.getWidth(), image.getHeight(), rgb)).isEqualTo(expected);
    }

    private static Frame noise(int width, int height) {
        Random random = new Random(42);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(0x1000000);
        }
        return new Frame(width, height, pixels);
    }
}
