package dev.jimeng.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sign.Credentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxAuthTest {
    private static final String BODY = "{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\",\"frames\":121}";

    @RegisterExtension
    final ManualClockSandbox sandbox = ManualClockSandbox.startedBeforeEachTest();

    @Test
    void aCorrectlySignedSubmitIsAcceptedWithANineteenDigitTaskId() throws Exception {
        SandboxClient.Response r = sandbox.client().send(sandbox.client().call(SandboxClient.SUBMIT, BODY));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo(10000);
        assertThat(r.json().path("status").asInt()).isEqualTo(10000);
        assertThat(r.json().path("message").asText()).isEqualTo("Success");
        assertThat(r.json().path("request_id").asText()).isNotBlank();
        assertThat(r.json().path("time_elapsed").asText()).endsWith("ms");
        assertThat(r.json().path("data").path("task_id").isTextual()).isTrue();
        assertThat(r.json().path("data").path("task_id").asText()).matches("[1-9][0-9]{18}");
    }

    @Test
    void aRequestWithoutAuthorizationIsMissingRequestInfo() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.signed = false;

        SandboxClient.Response r = sandbox.client().send(call);

        assertGateway(r, 400, 100004, "MissingRequestInfo");
        assertThat(r.json().path("ResponseMetadata").path("Action").asText()).isEqualTo(SandboxClient.SUBMIT);
        assertThat(r.json().path("ResponseMetadata").path("Version").asText()).isEqualTo("2022-08-31");
        assertThat(r.json().path("ResponseMetadata").path("Service").asText()).isEqualTo("cv");
        assertThat(r.json().path("ResponseMetadata").path("Region").asText()).isEqualTo("cn-north-1");
        assertThat(r.json().path("ResponseMetadata").path("RequestId").asText()).isNotBlank();
        assertThat(r.json().has("code")).isFalse();
    }

    @Test
    void anUnknownAccessKeyIsRejected() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.credentials = new Credentials(
                "AKLTsomeoneelse", sandbox.server().credentials().secretAccessKey());

        assertGateway(sandbox.client().send(call), 401, 100009, "InvalidAccessKey");
    }

    @Test
    void aSignatureMadeWithTheWrongSecretDoesNotMatch() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.credentials = new Credentials(sandbox.server().credentials().accessKeyId(), "not-the-secret");

        assertGateway(sandbox.client().send(call), 401, 100010, "SignatureDoesNotMatch");
    }

    @Test
    void aBodyChangedAfterSigningDoesNotMatch() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.sentBody = BODY.replace("a cat", "a dog");

        assertGateway(sandbox.client().send(call), 401, 100010, "SignatureDoesNotMatch");
    }

    @Test
    void aBodyWhoseHashHeaderWasAlsoForgedStillDoesNotMatch() throws Exception {
        String forged = BODY.replace("a cat", "a dog");
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.sentBody = forged;
        call.tamperHeaders = h -> h.put(
                "X-Content-Sha256",
                dev.jimeng.sign.V4Signer.sha256Hex(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertGateway(sandbox.client().send(call), 401, 100010, "SignatureDoesNotMatch");
    }

    @Test
    void aQueryChangedAfterSigningDoesNotMatch() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.sentQuery = "Action=CVSync2AsyncSubmitTask&Version=2022-08-31&Extra=1";

        assertGateway(sandbox.client().send(call), 401, 100010, "SignatureDoesNotMatch");
    }

    @Test
    void aRequestSignedSixteenMinutesAgoHasAnInvalidTimestamp() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.signedAt = sandbox.clock().instant().minus(Duration.ofMinutes(16));

        assertGateway(sandbox.client().send(call), 400, 100006, "InvalidTimestamp");
    }

    @Test
    void aRequestSignedFourteenMinutesInTheFutureIsAccepted() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.signedAt = sandbox.clock().instant().plus(Duration.ofMinutes(14));

        assertThat(sandbox.client().send(call).code()).isEqualTo(10000);
    }

    @Test
    void anUnknownActionIsInvalidActionOrVersion() throws Exception {
        SandboxClient.Call call = sandbox.client().call("CVProcess", BODY);

        assertGateway(sandbox.client().send(call), 404, 100008, "InvalidActionOrVersion");
    }

    @Test
    void anUnknownVersionIsInvalidActionOrVersion() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.version = "2020-01-01";

        assertGateway(sandbox.client().send(call), 404, 100008, "InvalidActionOrVersion");
    }

    @Test
    void rejectedRequestsCreateNoTask() throws Exception {
        SandboxClient.Call call = sandbox.client().call(SandboxClient.SUBMIT, BODY);
        call.sentBody = BODY.replace("a cat", "a dog");
        sandbox.client().send(call);

        assertThat(sandbox.server().taskCount()).isZero();
        assertThat(sandbox.server().submitCount()).isEqualTo(1);
        assertThat(sandbox.server().requests().getFirst().gatewayError()).isEqualTo("SignatureDoesNotMatch");
    }

    private static void assertGateway(SandboxClient.Response r, int http, int codeN, String code) {
        assertThat(r.status()).as("HTTP status of %s", r.json()).isEqualTo(http);
        assertThat(r.gatewayCodeN()).isEqualTo(codeN);
        assertThat(r.gatewayCode()).isEqualTo(code);
        assertThat(r.json()
                        .path("ResponseMetadata")
                        .path("Error")
                        .path("Message")
                        .asText())
                .isNotBlank();
    }
}
