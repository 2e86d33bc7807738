package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a cold sandbox takes to make its largest common videos, written to
 * target/sandbox-video-benchmark.txt. Excluded from the default build; run with
 * {@code ./mvnw test -Dtest=VideoEncodingBenchmark -DexcludedGroups=}, or with the other benchmarks by bench/run.
 */
@Tag("benchmark")
class VideoEncodingBenchmark {

    @Test
    void measureColdEncodes(@TempDir Path cache) throws Exception {
        List<String> report = new ArrayList<>();
        report.add("cold sandbox video encodes, " + Runtime.getRuntime().availableProcessors() + " cores");
        for (VideoSpec spec : List.of(new VideoSpec(1280, 720, 121), new VideoSpec(1920, 1088, 241))) {
            VideoLibrary library =
                    new VideoLibrary(cache, SandboxConfig.defaults().distinctFrames());
            long start = System.nanoTime();
            Path file = library.await(spec);
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode probe = SandboxVideoTest.ffprobe(file);
            assertThat(probe.path("streams").get(0).path("width").asInt()).isEqualTo(spec.width());
            report.add(String.format(
                    Locale.ROOT,
                    "%dx%d %d frames: %d ms, %.1f MB, ffprobe duration %s s",
                    spec.width(),
                    spec.height(),
                    spec.frames(),
                    millis,
                    Files.size(file) / 1e6,
                    probe.path("format").path("duration").asText()));
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sandbox-video-benchmark.txt"), report);
    }
}
