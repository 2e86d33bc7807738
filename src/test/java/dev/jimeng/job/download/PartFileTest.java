package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {
    @TempDir
    Path dir;

    @Test
    void reopeningResumesAfterTheBytesAlreadyThere() throws Exception {
        byte[] video = VideoServer.mp4Like(300_000, 3);
        Path path = dir.resolve("a/b/clip.mp4.part");
        try (PartFile first = PartFile.open(path)) {
            first.append(ByteBuffer.wrap(video, 0, 120_000));
        }

        try (PartFile second = PartFile.open(path)) {
            assertThat(second.size()).isEqualTo(120_000);
            second.append(ByteBuffer.wrap(video, 120_000, video.length - 120_000));
            assertThat(second.size()).isEqualTo(video.length);
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(video);
    }

    @Test
    void restartEmptiesTheFile() throws Exception {
        byte[] video = VideoServer.mp4Like(1000, 4);
        try (PartFile part = PartFile.open(dir.resolve("clip.mp4.part"))) {
            part.append(ByteBuffer.allocate(500));
            part.restart();
            part.append(ByteBuffer.wrap(video));

            assertThat(part.size()).isEqualTo(1000);
            assertThat(part.head(8)).isEqualTo(Arrays.copyOf(video, 8));
        }
        assertThat(Files.readAllBytes(dir.resolve("clip.mp4.part"))).isEqualTo(video);
    }

    @Test
    void twoDownloadsCannotWriteTheSamePartialFile() throws Exception {
        Path path = dir.resolve("clip.mp4.part");
        try (PartFile first = PartFile.open(path)) {
            assertThat(first.size()).isZero();
            assertThatThrownBy(() -> PartFile.open(path))
                    .isInstanceOf(DownloadFailedException.class)
                    .hasMessageContaining("being written by another download");
        }
    }
}
