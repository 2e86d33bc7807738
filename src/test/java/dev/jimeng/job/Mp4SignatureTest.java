package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Mp4SignatureTest {
    @Test
    void acceptsAFileStartingWithAnFtypBox() {
        byte[] video = new byte[1000];
        System.arraycopy(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, video, 0, 12);

        assertThat(Mp4Signature.problem(Arrays.copyOf(video, 8), video.length)).isNull();
    }

    @Test
    void rejectsAnythingElse() {
        byte[] html = "<html><body>Access Denied</body></html>".getBytes();
        byte[] hugeFtyp = {0x7f, 0, 0, 0, 'f', 't', 'y', 'p'};

        assertThat(Mp4Signature.problem(Arrays.copyOf(html, 8), html.length)).contains("not an MP4");
        assertThat(Mp4Signature.problem(hugeFtyp, 1000)).contains("claims");
        assertThat(Mp4Signature.problem(new byte[3], 3)).contains("too short");
    }
}
