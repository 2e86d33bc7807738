package dev.jimeng.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageInspectorTest {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"640, 360", "320, 960", "1, 1"})
    void readsThePngSizeFromItsIhdrHeader(int width, int height) {
        assertThat(ImageInspector.inspect(TestImages.png(width, height)))
                .isEqualTo(new ImageInfo(ImageInfo.Format.PNG, width, height));
    }

    @Test
    void readsAHugePngSizeWithoutDecodingPixels() {
        assertThat(ImageInspector.inspect(TestImages.pngHeaderOnly(20_000, 4097)))
                .isEqualTo(new ImageInfo(ImageInfo.Format.PNG, 20_000, 4097));
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1280, 720", "333, 999", "17, 9"})
    void readsTheBaselineJpegSizeFromItsSof0Header(int width, int height) {
        assertThat(ImageInspector.inspect(TestImages.jpeg(width, height)))
                .isEqualTo(new ImageInfo(ImageInfo.Format.JPEG, width, height));
    }

    @Test
    void readsTheProgressiveJpegSizeFromItsSof2Header() {
        byte[] progressive = TestImages.progressiveJpeg(800, 450);
        assertThat(HexFormat.of().formatHex(progressive)).contains("ffc2").doesNotContain("ffc0");

        assertThat(ImageInspector.inspect(progressive)).isEqualTo(new ImageInfo(ImageInfo.Format.JPEG, 800, 450));
    }

    @Test
    void skipsAnExifSegmentThatComesFirstEvenWhenItContainsSofLookingBytes() {
        assertThat(ImageInspector.inspect(TestImages.exifFirstJpeg(1000, 750)))
                .isEqualTo(new ImageInfo(ImageInfo.Format.JPEG, 1000, 750));
    }

    @Test
    void toleratesFillBytesBeforeAMarker() {
        byte[] jpeg = TestImages.jpeg(400, 300);
        byte[] filled = new byte[jpeg.length + 3];
        filled[0] = (byte) 0xFF;
        filled[1] = (byte) 0xD8;
        Arrays.fill(filled, 2, 5, (byte) 0xFF);
        System.arraycopy(jpeg, 2, filled, 5, jpeg.length - 2);

        assertThat(ImageInspector.inspect(filled)).isEqualTo(new ImageInfo(ImageInfo.Format.JPEG, 400, 300));
    }

    @Test
    void decidesByMagicBytesSoAGifIsRefusedAndNamed() {
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.gif(400, 400)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("not a JPEG or PNG image (it is a GIF)");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "'hello, this is not an image', it looks like a text file",
        "RIFF\u0000\u0000\u0000\u0000WEBPVP8 , it is a WebP",
        "'', the file is empty"
    })
    void saysWhatOtherBytesLookLike(String content, String description) {
        assertThatThrownBy(() -> ImageInspector.inspect(content.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("not a JPEG or PNG image (" + description + ")");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = Arrays.copyOf(TestImages.png(400, 400), 20);

        assertThatThrownBy(() -> ImageInspector.inspect(png))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("truncated PNG");
    }

    @Test
    void refusesAJpegThatEndsBeforeItsFrameHeader() {
        byte[] jpeg = TestImages.exifFirstJpeg(400, 400);
        byte[] cut = Arrays.copyOf(jpeg, 1000); // inside the 40 KB EXIF segment

        assertThatThrownBy(() -> ImageInspector.inspect(cut))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("truncated JPEG");
    }

    @Test
    void refusesAJpegWhoseImageDataStartsBeforeAnyFrameHeader() {
        byte[] sosFirst = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6};

        assertThatThrownBy(() -> ImageInspector.inspect(sosFirst))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("before any frame header");
    }
}
