package dev.jimeng.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file rewritten with a tagged moov, checked by ffmpeg: the media is packet for packet the same
 * (so the chunk offsets moved with it when the moov comes first), every frame decodes, the duration
 * and streams are unchanged, and a label put there by another tool is still there.
 */
class Mp4FileTest {
    private static final FreeformTag TAG = new FreeformTag("dev.jimeng", "jimeng");
    private static final String AIGC = "{\"Label\":\"1\",\"ContentProducer\":\"someone\"}";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "moov {0}")
    @ValueSource(strings = {"last", "first"})
    void aTaggedFileHasTheSameMediaAndKeepsItsLabel(String moovPlace) throws Exception {
        Path video = video("first".equals(moovPlace));
        JsonNode before = Probe.of(video);
        List<String> packets = Probe.packets(video);
        assertThat(Probe.tag(video, "AIGC")).isEqualTo(AIGC);

        Mp4File.rewriteMoov(video, moov -> TAG.put(moov, "{\"prompt\":\"a fox\"}"));

        JsonNode after = Probe.of(video);
        assertThat(after.path("format").path("duration"))
                .isEqualTo(before.path("format").path("duration"));
        assertThat(after.path("streams")).isEqualTo(before.path("streams"));
        assertThat(Probe.packets(video)).isEqualTo(packets);
        assertThat(Probe.decodeErrors(video)).isEmpty();
        assertThat(after.path("format").path("tags").path("AIGC").asText()).isEqualTo(AIGC);
        assertThat(after.path("format").path("tags").path("jimeng").asText()).isEqualTo("{\"prompt\":\"a fox\"}");
        assertThat(Mp4File.moov(video).flatMap(TAG::get)).hasValue("{\"prompt\":\"a fox\"}");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("video.mp4");
        }
    }

    @Test
    void theBytesOutsideTheMoovAreCopiedAsTheyWereAndTheModeIsKept() throws Exception {
        Path video = video(false);
        Files.setPosixFilePermissions(video, PosixFilePermissions.fromString("rw-------"));
        byte[] original = Files.readAllBytes(video);
        int moovAt = moovOffset(original);

        Mp4File.rewriteMoov(video, moov -> TAG.put(moov, "x"));

        byte[] tagged = Files.readAllBytes(video);
        assertThat(java.util.Arrays.copyOf(tagged, moovAt)).isEqualTo(java.util.Arrays.copyOf(original, moovAt));
        assertThat(Files.getPosixFilePermissions(video)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aFileThatIsNoMp4IsRefusedAndLeftAsItWas() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");

        assertThatThrownBy(() -> Mp4File.rewriteMoov(text, moov -> TAG.put(moov, "x")))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("not an MP4");
        assertThat(Files.readString(text)).isEqualTo("not a video at all");
        assertThat(Mp4File.moov(text)).isEmpty();
    }

    @Test
    void aFragmentedFileIsRefusedAndLeftAsItWas() throws Exception {
        Path video = video(false);
        Path fragmented = dir.resolve("fragmented.mp4");
        Probe.run(
                "ffmpeg",
                "-v",
                "error",
                "-i",
                video.toString(),
                "-c",
                "copy",
                "-movflags",
                "frag_keyframe+empty_moov",
                fragmented.toString());
        byte[] before = Files.readAllBytes(fragmented);

        assertThatThrownBy(() -> Mp4File.rewriteMoov(fragmented, moov -> TAG.put(moov, "x")))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("fragmented");
        assertThat(Files.readAllBytes(fragmented)).isEqualTo(before);
    }

    /** A 2-second H.264 video with an AIGC label as ffmpeg writes one, its moov first or last. */
    private Path video(boolean moovFirst) throws Exception {
        Path video = dir.resolve("video.mp4");
        List<String> command = new ArrayList<>(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=2:size=160x120:rate=24",
                "-c:v",
                "libx264",
                "-g",
                "12",
                "-metadata",
                "AIGC=" + AIGC,
                "-movflags",
                moovFirst ? "+faststart+use_metadata_tags" : "+use_metadata_tags",
                video.toString()));
        Probe.run(command.toArray(String[]::new));
        byte[] bytes = Files.readAllBytes(video);
        int moov = moovOffset(bytes);
        int mdat = indexOf(bytes, "mdat") - 4;
        assertThat(moov < mdat).as("moov before mdat").isEqualTo(moovFirst);
        return video;
    }

    private static int moovOffset(byte[] bytes) {
        return indexOf(bytes, "moov") - 4;
    }

    private static int indexOf(byte[] bytes, String type) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(type);
    }
}
