package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void theDescriptionSaysWhereTheSandboxIsAndWhichVariablesToSet() throws Exception {
        SandboxMain.Running running =
                SandboxMain.start(TestCache.config(Clock.systemUTC()).build());
        try (SandboxServer server = running.server()) {
            String text = running.description();
            String secret = server.credentials().secretAccessKey();

            assertThat(text)
                    .contains("http://127.0.0.1:" + server.port())
                    .contains("export JIMENG_VIDEO_API_URL=" + server.baseUrl() + "\n")
                    .contains("export VOLC_ACCESSKEY=" + server.credentials().accessKeyId() + "\n")
                    .contains("export VOLC_SECRETKEY=" + secret + "\n");
            assertThat(Arrays.stream(text.split("\n")).filter(l -> l.contains(secret)))
                    .containsExactly("  export VOLC_SECRETKEY=" + secret);
        }
    }

    @Test
    void aSandboxStartedOnPortZeroGetsAFreePortAndAcceptsItsOwnKey() throws Exception {
        SandboxMain.Running running = SandboxMain.start(0);
        try (SandboxServer server = running.server()) {
            assertThat(server.port()).isPositive();
            SandboxClient client = new SandboxClient(server, Clock.systemUTC());
            assertThat(client.getResult("jimeng_t2v_v30", "7000000000000000001").dataStatus())
                    .isEqualTo("not_found");
        }
    }

    @Test
    void eachDefaultConfigHasItsOwnKeyPairAndNeverShowsTheSecret() {
        SandboxConfig a = SandboxConfig.defaults();
        SandboxConfig b = SandboxConfig.defaults();

        assertThat(a.credentials().accessKeyId())
                .startsWith("AKLT")
                .isNotEqualTo(b.credentials().accessKeyId());
        assertThat(a.toString()).doesNotContain(a.credentials().secretAccessKey());
        assertThat(a.concurrencyLimit()).isEqualTo(2);
        assertThat(a.qpsLimit()).isEqualTo(10);
        assertThat(a.rejectWord()).isEqualTo("forbidden");
        assertThat(a.cacheDir()).isEqualTo(SandboxConfig.defaultCacheDir());
    }
}
