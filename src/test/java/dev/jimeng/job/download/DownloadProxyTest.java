package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.ProxyVariables;
import dev.jimeng.time.ManualClock;
import dev.jimeng.time.Sleeper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos come through the proxy that HTTPS_PROXY / HTTP_PROXY name, as the API calls do. */
class DownloadProxyTest {
    private static final byte[] VIDEO = VideoServer.mp4Like(200_000, 7);

    @TempDir
    Path dir;

    @Test
    void aDownloadGoesThroughTheProxyTheEnvironmentNames() throws Exception {
        try (VideoServer proxy = VideoServer.serving(VIDEO)) {
            ProxyVariables variables = ProxyVariables.from(
                    Map.of("HTTP_PROXY", "http://" + proxy.url("x").getAuthority()));
            // a host that resolves nowhere: only the proxy can answer for it
            URI video = URI.create("http://video.invalid/videos/clip.mp4?token=t1&X-Signature=sig-t1");
            Path target = dir.resolve("v.mp4");

            new Downloader(variables.selector(), new ManualClock(), Sleeper.SYSTEM, DownloadPolicy.defaults())
                    .download(video, target, ProgressListener.NONE);

            assertThat(Files.readAllBytes(target)).isEqualTo(VIDEO);
            assertThat(proxy.served()).hasSize(1);
        }
    }
}
