package dev.jimeng.sandbox;

import static dev.jimeng.sandbox.SandboxClient.T2V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Downloads of real MP4s. The first test to need the 720p video encodes it (a few seconds). */
class SandboxVideoTest {
    @RegisterExtension
    final ManualClockSandbox sandbox = ManualClockSandbox.startedBeforeEachTest();

    @Test
    void theVideoIsA720pH264At24FpsLastingFiveSecondsByFfprobe(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> r = sandbox.client().download(doneVideoUrl(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);
        Path mp4 = Files.write(dir.resolve("video.mp4"), r.body());

        JsonNode probe = ffprobe(mp4);

        JsonNode stream = probe.path("streams").get(0);
        assertThat(stream.path("codec_name").asText()).isEqualTo("h264");
        assertThat(stream.path("width").asInt()).isEqualTo(1280);
        assertThat(stream.path("height").asInt()).isEqualTo(720);
        assertThat(stream.path("r_frame_rate").asText()).isEqualTo("24/1");
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(5.0, 5.05);
    }

    @Test
    void theVideoCarriesAnAigcLabelAsTheRealServiceMay(@TempDir Path dir) throws Exception {
        Path mp4 = Files.write(
                dir.resolve("video.mp4"),
                sandbox.client().download(doneVideoUrl(), null).body());

        JsonNode label = Json.MAPPER.readTree(dev.jimeng.mp4.Probe.tag(mp4, AigcLabel.KEY));

        assertThat(label.path("Label").asText()).isEqualTo("1");
        assertThat(label.path("ContentProducer").asText()).isEqualTo("jimeng-sandbox");
        assertThat(dev.jimeng.mp4.Probe.decodeErrors(mp4)).isEmpty();
    }

    @Test
    void aRangeFromAnOffsetAnswers206WithTheRestOfTheFile() throws Exception {
        String url = doneVideoUrl();
        byte[] whole = sandbox.client().download(url, null).body();

        HttpResponse<byte[]> tail = sandbox.client().download(url, "bytes=1000-");

        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range"))
                .hasValue("bytes 1000-" + (whole.length - 1) + "/" + whole.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));
    }

    @Test
    void aClosedRangeAnswersExactlyThoseBytes() throws Exception {
        String url = doneVideoUrl();
        byte[] whole = sandbox.client().download(url, null).body();

        HttpResponse<byte[]> part = sandbox.client().download(url, "bytes=10-19");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + whole.length);
        assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(10);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
        // the file starts with an ISO BMFF ftyp box
        assertThat(new String(Arrays.copyOfRange(whole, 4, 8))).isEqualTo("ftyp");
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() throws Exception {
        String url = doneVideoUrl();
        long length = sandbox.client()
                .download(url, null, "HEAD")
                .headers()
                .firstValueAsLong("Content-Length")
                .orElseThrow();

        HttpResponse<byte[]> r = sandbox.client().download(url, "bytes=" + length + "-");

        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + length);
    }

    @Test
    void headAnswersTheLengthAndTypeWithoutABody() throws Exception {
        String url = doneVideoUrl();
        int length = sandbox.client().download(url, null).body().length;

        HttpResponse<byte[]> head = sandbox.client().download(url, null, "HEAD");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEmpty();
        assertThat(sandbox.server().downloadCount()).isEqualTo(2);
    }

    private String doneVideoUrl() {
        String id = sandbox.client().submitTask("a cat");
        sandbox.clock().advance(Duration.ofSeconds(3));
        SandboxClient.Response done = sandbox.client().getResult(T2V, id);
        assertThat(done.dataStatus()).isEqualTo("done");
        return done.json().path("data").path("video_url").asText();
    }

    static JsonNode ffprobe(Path mp4) throws Exception {
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=width,height,r_frame_rate,codec_name",
                        "-show_entries",
                        "format=duration",
                        "-of",
                        "json",
                        mp4.toString())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out)).isZero();
        return Json.MAPPER.readTree(out);
    }
}
