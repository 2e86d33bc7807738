package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.time.ManualClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxFaultTest {
    private static final String T2V = "jimeng_t2v_v30";

    private final ManualClock clock = new ManualClock();
    private SandboxServer server;
    private SandboxClient client;

    private void start(SandboxConfig.Builder config) throws Exception {
        server = SandboxServer.start(config.build());
        client = new SandboxClient(server, clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noFaultIsOnByDefault() throws Exception {
        start(TestCache.config(clock));
        String id = client.submitTask("a cat");
        for (int i = 0; i < 20; i++) {
            assertThat(client.getResult(T2V, id).status()).isEqualTo(200);
        }
    }

    @Test
    void aGetResultFailureRateOfOneAnswersEveryPollWith50500() throws Exception {
        start(TestCache.config(clock).getResultFailureRate(1.0));
        String id = client.submitTask("a cat");

        SandboxClient.Response r = client.getResult(T2V, id);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.code()).isEqualTo(50500);
        assertThat(r.json().path("data").isNull()).isTrue();
    }

    @Test
    void aGetResultFailureRateOfAHalfFailsSomePollsReproduciblyBySeed() throws Exception {
        start(TestCache.config(clock).faultSeed(7));
        String id = client.submitTask("a cat");
        server.faults().getResultFailureRate(0.5);

        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            pattern.append(client.getResult(T2V, id).status() == 500 ? 'x' : '.');
        }
        assertThat(pattern.toString()).contains("x").contains(".");

        server.close();
        start(TestCache.config(clock).faultSeed(7).getResultFailureRate(0.5));
        StringBuilder again = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            again.append(client.getResult(T2V, "7000000000000000001").status() == 500 ? 'x' : '.');
        }
        assertThat(again.toString()).isEqualTo(pattern.toString());
    }

    @Test
    void droppedRequestsCloseTheConnectionWithoutAnAnswer() throws Exception {
        start(TestCache.config(clock));
        server.faults().dropNextRequests(2);

        assertThatThrownBy(() -> client.send(client.call(SandboxClient.SUBMIT, "{}")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.send(client.call(SandboxClient.GET_RESULT, "{}")))
                .isInstanceOf(IOException.class);
        assertThat(client.getResult(T2V, "7000000000000000001").code()).isEqualTo(10000);

        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0).dropped()).isTrue();
        assertThat(server.requests().get(1).dropped()).isTrue();
        assertThat(server.requests().get(2).dropped()).isFalse();
        assertThat(server.submitCount()).isEqualTo(1);
        assertThat(server.taskCount()).isZero();
    }

    @Test
    void aForcedSubmitFailureAnswersThatCodeOnceWithItsHttpStatus() throws Exception {
        start(TestCache.config(clock));
        server.faults().failNextSubmit(50430);

        SandboxClient.Response forced = client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}");
        assertThat(forced.status()).isEqualTo(429);
        assertThat(forced.code()).isEqualTo(50430);
        assertThat(client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}")
                        .code())
                .isEqualTo(10000);

        server.faults().failNextSubmits(50501, 2);
        assertThat(client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .status())
                .isEqualTo(500);
        assertThat(client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .code())
                .isEqualTo(50501);
        assertThat(client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .code())
                .isEqualTo(10000);
    }

    @Test
    void aForcedSubmitFailureCanComeFromTheConfig() throws Exception {
        start(TestCache.config(clock).failNextSubmitCode(50411));

        SandboxClient.Response r = client.submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50411);
    }

    @Test
    void aTruncatedDownloadAnnouncesTheFullLengthAndThenDropsTheConnection() throws Exception {
        start(TestCache.config(clock));
        String url = doneVideoUrl();
        server.faults().truncateNextDownloads(1, 1000);

        assertThatThrownBy(() -> client.download(url, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bytes received: 1000");

        HttpResponse<byte[]> whole = client.download(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body().length).isGreaterThan(1000);
        assertThat(server.downloadCount()).isEqualTo(2);
    }

    @Test
    void anExpiredVideoUrlAnswers403RequestHasExpired() throws Exception {
        start(TestCache.config(clock).videoUrlLifetime(Duration.ofMinutes(10)));
        String url = doneVideoUrl();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<byte[]> r = client.download(url, null);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .contains("<Code>AccessDenied</Code>")
                .contains("Request has expired");
    }

    @Test
    void aNewGetResultGivesAFreshUrlAfterTheOldOneExpired() throws Exception {
        start(TestCache.config(clock));
        server.faults().videoUrlLifetime(Duration.ofSeconds(5));
        String id = client.submitTask("a cat");
        clock.advance(Duration.ofSeconds(3));
        String old =
                client.getResult(T2V, id).json().path("data").path("video_url").asText();
        clock.advance(Duration.ofSeconds(6));

        assertThat(client.download(old, "bytes=0-9").statusCode()).isEqualTo(403);
        String fresh =
                client.getResult(T2V, id).json().path("data").path("video_url").asText();
        assertThat(client.download(fresh, "bytes=0-9").statusCode()).isEqualTo(206);
    }

    @Test
    void aVideoUrlWithAForgedTokenOrExpiryIsDenied() throws Exception {
        start(TestCache.config(clock));
        String url = doneVideoUrl();

        String forgedToken = url.replaceAll("X-Signature=[0-9a-f]+", "X-Signature=00112233445566778899aabbccddeeff");
        String laterExpiry = url.replaceAll("X-Expires=(\\d+)", "X-Expires=9999999999");

        assertThat(client.download(forgedToken, null).statusCode()).isEqualTo(403);
        assertThat(client.download(laterExpiry, null).statusCode()).isEqualTo(403);
    }

    private String doneVideoUrl() {
        String id = client.submitTask("a cat");
        clock.advance(Duration.ofSeconds(3));
        SandboxClient.Response done = client.getResult(T2V, id);
        assertThat(done.dataStatus()).isEqualTo("done");
        return done.json().path("data").path("video_url").asText();
    }
}
