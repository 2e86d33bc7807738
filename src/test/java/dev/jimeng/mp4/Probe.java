package dev.jimeng.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffmpeg and ffprobe, independent readers, on a video file: its format, streams and tags, and its packets. */
public final class Probe {
    private Probe() {}

    /** ffprobe's JSON of the format (duration, tags) and streams; fails when it cannot read the file. */
    public static JsonNode of(Path mp4) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(
                run("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", mp4.toString()));
    }

    /** The format tag {@code key} as ffprobe reads it, or null. */
    public static String tag(Path mp4, String key) throws IOException, InterruptedException {
        JsonNode value = of(mp4).path("format").path("tags").path(key);
        return value.isMissingNode() ? null : value.asText();
    }

    /**
     * One line per packet with its hash, of every stream, without the container's metadata: equal
     * for two files exactly when their media is the same, which a wrong chunk offset breaks.
     */
    public static List<String> packets(Path mp4) throws IOException, InterruptedException {
        String out =
                run("ffmpeg", "-v", "error", "-i", mp4.toString(), "-map", "0", "-c", "copy", "-f", "framemd5", "-");
        List<String> lines =
                new ArrayList<>(out.lines().filter(l -> !l.startsWith("#")).toList());
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** Errors ffmpeg reports while decoding every frame (none for a sound file). */
    public static String decodeErrors(Path mp4) throws IOException, InterruptedException {
        return run("ffmpeg", "-v", "error", "-i", mp4.toString(), "-f", "null", "-");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
        return text;
    }
}
