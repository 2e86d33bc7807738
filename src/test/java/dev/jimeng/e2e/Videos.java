package dev.jimeng.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What ffprobe, an independent decoder, says about a video file. */
public final class Videos {
    private Videos() {}

    /** The container duration in seconds; fails when ffprobe cannot read the file as a video. */
    public static double durationSeconds(Path mp4) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "format=duration:stream=codec_type",
                        "-of",
                        "default=noprint_wrappers=1",
                        mp4.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new AssertionError("ffprobe cannot read " + mp4 + ": " + output);
        }
        if (!output.contains("codec_type=video")) {
            throw new AssertionError(mp4 + " has no video stream: " + output);
        }
        return output.lines()
                .filter(l -> l.startsWith("duration="))
                .map(l -> Double.parseDouble(l.substring("duration=".length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ffprobe gave no duration for " + mp4 + ": " + output));
    }
}
