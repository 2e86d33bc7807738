package dev.jimeng.sandbox;

import static dev.jimeng.sandbox.SandboxClient.T2V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxFaultTest {
    @RegisterExtension
    final ManualClockSandbox sandbox = ManualClockSandbox.startedByEachTest();

    @Test
    void noFaultIsOnByDefault() throws Exception {
        sandbox.start();
        String id = sandbox.client().submitTask("a cat");
        for (int i = 0; i < 20; i++) {
            assertThat(sandbox.client().getResult(T2V, id).status()).isEqualTo(200);
        }
    }

    @Test
    void aGetResultFailureRateOfOneAnswersEveryPollWith50500() throws Exception {
        sandbox.start(config -> config.getResultFailureRate(1.0));
        String id = sandbox.client().submitTask("a cat");

        SandboxClient.Response r = sandbox.client().getResult(T2V, id);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.code()).isEqualTo(50500);
        assertThat(r.json().path("data").isNull()).isTrue();
    }

    @Test
    void aGetResultFailureRateOfAHalfFailsSomePollsReproduciblyBySeed() throws Exception {
        sandbox.start(config -> config.faultSeed(7));
        String id = sandbox.client().submitTask("a cat");
        sandbox.server().faults().getResultFailureRate(0.5);

        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            pattern.append(sandbox.client().getResult(T2V, id).status() == 500 ? 'x' : '.');
        }
        assertThat(pattern.toString()).contains("x").contains(".");

        sandbox.server().close();
        sandbox.start(config -> config.faultSeed(7).getResultFailureRate(0.5));
        StringBuilder again = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            again.append(sandbox.client().getResult(T2V, "7000000000000000001").status() == 500 ? 'x' : '.');
        }
        assertThat(again.toString()).isEqualTo(pattern.toString());
    }

    @Test
    void droppedRequestsCloseTheConnectionWithoutAnAnswer() throws Exception {
        sandbox.start();
        sandbox.server().faults().dropNextRequests(2);

        assertThatThrownBy(() -> sandbox.client().send(sandbox.client().call(SandboxClient.SUBMIT, "{}")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> sandbox.client().send(sandbox.client().call(SandboxClient.GET_RESULT, "{}")))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.client().getResult(T2V, "7000000000000000001").code())
                .isEqualTo(10000);

        assertThat(sandbox.server().requests()).hasSize(3);
        assertThat(sandbox.server().requests().get(0).dropped()).isTrue();
        assertThat(sandbox.server().requests().get(1).dropped()).isTrue();
        assertThat(sandbox.server().requests().get(2).dropped()).isFalse();
        assertThat(sandbox.server().submitCount()).isEqualTo(1);
        assertThat(sandbox.server().taskCount()).isZero();
    }

    @Test
    void aForcedSubmitFailureAnswersThatCodeOnceWithItsHttpStatus() throws Exception {
        sandbox.start();
        sandbox.server().faults().failNextSubmit(50430);

        SandboxClient.Response forced =
                sandbox.client().submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}");
        assertThat(forced.status()).isEqualTo(429);
        assertThat(forced.code()).isEqualTo(50430);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}")
                        .code())
                .isEqualTo(10000);

        sandbox.server().faults().failNextSubmits(50501, 2);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .status())
                .isEqualTo(500);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .code())
                .isEqualTo(50501);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"x\"}")
                        .code())
                .isEqualTo(10000);
    }

    @Test
    void aForcedSubmitFailureCanComeFromTheConfig() throws Exception {
        sandbox.start(config -> config.failNextSubmitCode(50411));

        SandboxClient.Response r = sandbox.client().submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50411);
    }

    @Test
    void aTruncatedDownloadAnnouncesTheFullLengthAndThenDropsTheConnection() throws Exception {
        sandbox.start();
        String url = doneVideoUrl();
        sandbox.server().faults().truncateNextDownloads(1, 1000);

        assertThatThrownBy(() -> sandbox.client().download(url, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bytes received: 1000");

        HttpResponse<byte[]> whole = sandbox.client().download(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body().length).isGreaterThan(1000);
        assertThat(sandbox.server().downloadCount()).isEqualTo(2);
    }

    @Test
    void anExpiredVideoUrlAnswers403RequestHasExpired() throws Exception {
        sandbox.start(config -> config.videoUrlLifetime(Duration.ofMinutes(10)));
        String url = doneVideoUrl();

        sandbox.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<byte[]> r = sandbox.client().download(url, null);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .contains("<Code>AccessDenied</Code>")
                .contains("Request has expired");
    }

    @Test
    void aNewGetResultGivesAFreshUrlAfterTheOldOneExpired() throws Exception {
        sandbox.start();
        sandbox.server().faults().videoUrlLifetime(Duration.ofSeconds(5));
        String id = sandbox.client().submitTask("a cat");
        sandbox.clock().advance(Duration.ofSeconds(3));
        String old = sandbox.client()
                .getResult(T2V, id)
                .json()
                .path("data")
                .path("video_url")
                .asText();
        sandbox.clock().advance(Duration.ofSeconds(6));

        assertThat(sandbox.client().download(old, "bytes=0-9").statusCode()).isEqualTo(403);
        String fresh = sandbox.client()
                .getResult(T2V, id)
                .json()
                .path("data")
                .path("video_url")
                .asText();
        assertThat(sandbox.client().download(fresh, "bytes=0-9").statusCode()).isEqualTo(206);
    }

    @Test
    void aVideoUrlWithAForgedTokenOrExpiryIsDenied() throws Exception {
        sandbox.start();
        String url = doneVideoUrl();

        String forgedToken = url.replaceAll("X-Signature=[0-9a-f]+", "X-Signature=00112233445566778899aabbccddeeff");
        String laterExpiry = url.replaceAll("X-Expires=(\\d+)", "X-Expires=9999999999");

        assertThat(sandbox.client().download(forgedToken, null).statusCode()).isEqualTo(403);
        assertThat(sandbox.client().download(laterExpiry, null).statusCode()).isEqualTo(403);
    }

    private String doneVideoUrl() {
        String id = sandbox.client().submitTask("a cat");
        sandbox.clock().advance(Duration.ofSeconds(3));
        SandboxClient.Response done = sandbox.client().getResult(T2V, id);
        assertThat(done.dataStatus()).isEqualTo("done");
        return done.json().path("data").path("video_url").asText();
    }
}
