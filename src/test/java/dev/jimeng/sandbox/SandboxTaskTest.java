package dev.jimeng.sandbox;

import static dev.jimeng.sandbox.SandboxClient.T2V;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.api.TaskStatus;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxTaskTest {
    @RegisterExtension
    final ManualClockSandbox sandbox = ManualClockSandbox.startedByEachTest();

    @Test
    void aTaskMovesFromInQueueToGeneratingToDoneAsTheClockAdvances() throws Exception {
        sandbox.start();
        String id = sandbox.client().submitTask("a cat");

        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("in_queue");
        sandbox.clock().advance(Duration.ofMillis(999));
        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("in_queue");
        sandbox.clock().advance(Duration.ofMillis(1));
        SandboxClient.Response generating = sandbox.client().getResult(T2V, id);
        assertThat(generating.dataStatus()).isEqualTo("generating");
        assertThat(generating.json().path("data").path("video_url").asText()).isEmpty();
        sandbox.clock().advance(Duration.ofSeconds(2));

        SandboxClient.Response done = sandbox.client().getResult(T2V, id);
        assertThat(done.code()).isEqualTo(10000);
        assertThat(done.dataStatus()).isEqualTo("done");
        assertThat(done.json().path("data").path("video_url").asText())
                .startsWith(sandbox.server().baseUrl() + "/videos/" + id + ".mp4?X-Expires=")
                .contains("&X-Signature=");
        assertThat(done.json().path("data").path("aigc_meta_tagged").asBoolean())
                .isFalse();
    }

    @Test
    void queueAndGenerateDurationsAreConfigurable() throws Exception {
        sandbox.start(config -> config.queueDuration(Duration.ZERO).generateDuration(Duration.ofMinutes(1)));
        String id = sandbox.client().submitTask("a cat");

        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("generating");
        sandbox.clock().advance(Duration.ofSeconds(59));
        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("generating");
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("done");
    }

    @Test
    void anUnknownTaskIdIsNotFound() throws Exception {
        sandbox.start();

        SandboxClient.Response r = sandbox.client().getResult(T2V, "7000000000000000001");

        assertThat(r.code()).isEqualTo(10000);
        assertThat(r.dataStatus()).isEqualTo("not_found");
    }

    @Test
    void aTaskOlderThanItsLifetimeIsExpired() throws Exception {
        sandbox.start();
        String id = sandbox.client().submitTask("a cat");

        sandbox.clock().advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("done");
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("expired");
    }

    @Test
    void getResultWithAnotherReqKeyIsAnInvalidParameter() throws Exception {
        sandbox.start();
        String id = sandbox.client().submitTask("a cat");

        SandboxClient.Response r = sandbox.client().getResult("jimeng_t2v_v30_1080p", id);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50400);
        assertThat(r.json().path("data").isNull()).isTrue();
    }

    @Test
    void aReqJsonAskingForTheAigcMetaIsTaggedWhenDone() throws Exception {
        sandbox.start();
        String id = sandbox.client().submitTask("a cat");
        sandbox.clock().advance(Duration.ofSeconds(3));

        SandboxClient.Response r = sandbox.client()
                .post(
                        SandboxClient.GET_RESULT,
                        "{\"req_key\":\"jimeng_t2v_v30\",\"task_id\":\"" + id
                                + "\",\"req_json\":\"{\\\"aigc_meta\\\":{\\\"content_producer\\\":\\\"x\\\"}}\"}");

        assertThat(r.json().path("data").path("aigc_meta_tagged").asBoolean()).isTrue();
    }

    @Test
    void aThirdTaskWhileTwoAreRunningHitsTheConcurrencyLimit() throws Exception {
        sandbox.start(config -> config.concurrencyLimit(2));
        sandbox.client().submitTask("one");
        sandbox.clock().advance(Duration.ofSeconds(1));
        sandbox.client().submitTask("two");

        SandboxClient.Response third = sandbox.client().submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"three\"}");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo(50430);
        assertThat(third.json().path("data").isNull()).isTrue();

        sandbox.clock().advance(Duration.ofSeconds(2)); // the first is done now
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"three\"}")
                        .code())
                .isEqualTo(10000);
        assertThat(sandbox.server().maxConcurrentTasks()).isEqualTo(2);
        assertThat(sandbox.server().taskCount()).isEqualTo(3);
    }

    @Test
    void theEleventhCallWithinOneSecondHitsTheQpsLimit() throws Exception {
        sandbox.start(config -> config.qpsLimit(10));
        for (int i = 0; i < 10; i++) {
            assertThat(sandbox.client().getResult(T2V, "7000000000000000001").code())
                    .isEqualTo(10000);
            sandbox.clock().advance(Duration.ofMillis(50));
        }

        SandboxClient.Response eleventh = sandbox.client().getResult(T2V, "7000000000000000001");
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo(50429);

        sandbox.clock().advance(Duration.ofMillis(501)); // the first call leaves the window
        assertThat(sandbox.client().getResult(T2V, "7000000000000000001").code())
                .isEqualTo(10000);
    }

    @Test
    void aPromptWithTheRejectWordFailsInputReview() throws Exception {
        sandbox.start(config -> config.rejectWord("forbidden"));

        SandboxClient.Response r =
                sandbox.client().submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a Forbidden city\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50412);
        assertThat(sandbox.server().taskCount()).isZero();
    }

    @Test
    void aPromptWithTheOutputReviewWordEndsDoneWith50516() throws Exception {
        sandbox.start(config -> config.outputReviewFailureWord("unreviewable"));
        String id = sandbox.client().submitTask("an unreviewable scene");

        assertThat(sandbox.client().getResult(T2V, id).dataStatus()).isEqualTo("in_queue");
        sandbox.clock().advance(Duration.ofSeconds(3));
        SandboxClient.Response r = sandbox.client().getResult(T2V, id);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50516);
        assertThat(r.dataStatus()).isEqualTo("done");
        assertThat(r.json().path("data").path("video_url").asText()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown req_key               | {"req_key":"jimeng_t2v_v99","prompt":"a cat"}
            missing req_key               | {"prompt":"a cat"}
            frames not supported          | {"req_key":"jimeng_t2v_v30","prompt":"a cat","frames":97}
            missing prompt                | {"req_key":"jimeng_t2v_v30"}
            unknown aspect ratio          | {"req_key":"jimeng_t2v_v30","prompt":"a cat","aspect_ratio":"2:1"}
            image for a text mode         | {"req_key":"jimeng_t2v_v30","prompt":"a cat","image_urls":["https://x/a.png"]}
            no image for i2v              | {"req_key":"jimeng_i2v_first_v30","prompt":"a cat"}
            one image for first-tail      | {"req_key":"jimeng_i2v_first_tail_v30","prompt":"a cat","image_urls":["https://x/a.png"]}
            both image fields             | {"req_key":"jimeng_ti2v_v30_pro","image_urls":["https://x/a.png"],"binary_data_base64":["iVBORw0KGgoAAAA="]}
            base64 that is no image       | {"req_key":"jimeng_ti2v_v30_pro","binary_data_base64":["aGVsbG8gd29ybGQ="]}
            recamera without template     | {"req_key":"jimeng_i2v_recamera_v30","prompt":"a cat","image_urls":["https://x/a.png"],"camera_strength":"weak"}
            recamera with unknown strength| {"req_key":"jimeng_i2v_recamera_v30","prompt":"a cat","image_urls":["https://x/a.png"],"template_id":"robo_arm","camera_strength":"huge"}
            body not JSON                 | not json
            """)
    void anInvalidBodyIsRefusedWithInvalidParameter(String why, String body) throws Exception {
        sandbox.start();

        SandboxClient.Response r = sandbox.client().submit(body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50400);
        assertThat(r.json().path("message").asText()).startsWith("Invalid Parameter: ");
        assertThat(sandbox.server().taskCount()).isZero();
    }

    @Test
    void aPromptOf801CharactersIsRefusedAnd800Accepted() throws Exception {
        sandbox.start();

        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"" + "字".repeat(801) + "\"}")
                        .code())
                .isEqualTo(50400);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"" + "字".repeat(800) + "\"}")
                        .code())
                .isEqualTo(10000);
    }

    @Test
    void validRequestsOfEveryShapeAreAccepted() throws Exception {
        // no download follows: do not spend the CPU encoding four sizes in the background
        sandbox.start(config -> config.prepareVideosOnSubmit(false));
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});

        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_ti2v_v30_pro\",\"binary_data_base64\":[\"" + png
                                + "\"],\"frames\":241}")
                        .code())
                .isEqualTo(10000);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_i2v_first_tail_v30_1080\",\"prompt\":\"p\","
                                + "\"image_urls\":[\"https://x/a.png\",\"https://x/b.png\"]}")
                        .code())
                .isEqualTo(10000);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_i2v_recamera_v30\",\"prompt\":\"p\","
                                + "\"image_urls\":[\"https://x/a.png\"],\"template_id\":\"robo_arm\","
                                + "\"camera_strength\":\"strong\",\"seed\":42}")
                        .code())
                .isEqualTo(10000);
        assertThat(sandbox.client()
                        .submit("{\"req_key\":\"jimeng_t2v_v30_1080p\",\"prompt\":\"p\",\"aspect_ratio\":\"9:16\"}")
                        .code())
                .isEqualTo(10000);
    }

    @Test
    void theRequestLogCountsEachKindAndHidesImageData() throws Exception {
        sandbox.start();
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        String id = sandbox.client().submitTask("a cat");
        sandbox.client().submit("{\"req_key\":\"jimeng_ti2v_v30_pro\",\"binary_data_base64\":[\"" + png + "\"]}");
        sandbox.client().getResult(T2V, id);
        sandbox.client().getResult(T2V, id);
        sandbox.client().getResult(T2V, id);

        assertThat(sandbox.server().submitCount()).isEqualTo(2);
        assertThat(sandbox.server().getResultCount()).isEqualTo(3);
        assertThat(sandbox.server().downloadCount()).isZero();
        assertThat(sandbox.server().requests()).hasSize(5);
        LoggedRequest first = sandbox.server().requests().getFirst();
        assertThat(first.target()).isEqualTo(SandboxClient.SUBMIT);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.httpStatus()).isEqualTo(200);
        assertThat(first.businessCode()).isEqualTo(10000);
        assertThat(first.time()).isEqualTo(sandbox.clock().instant());
        assertThat(first.body().path("prompt").asText()).isEqualTo("a cat");
        LoggedRequest withImage = sandbox.server().requests().get(1);
        assertThat(withImage.body().path("binary_data_base64").get(0).asText())
                .isEqualTo("<" + png.length() + " base64 chars>");
        assertThat(withImage.imageSha256())
                .singleElement()
                .as("the image's hash, so a test can tell which picture was sent")
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Base64.getDecoder().decode(png))));
        assertThat(withImage.toString()).doesNotContain(png);
    }

    @Test
    void everyStatusTheSandboxServesIsOneTheClientParses() {
        for (ServedStatus served : ServedStatus.values()) {
            assertThat(TaskStatus.fromWire(served.wire()).name()).isEqualTo(served.name());
        }
    }
}
