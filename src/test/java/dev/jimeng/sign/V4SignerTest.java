package dev.jimeng.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test vectors of ../shared/api-reference.md, computed with the official Volcengine signer. */
class V4SignerTest {
    private static final Credentials KEYS = new Credentials("AKLTEXAMPLEACCESSKEYID", "EXAMPLESECRETACCESSKEY==");
    private final V4Signer signer = new V4Signer();

    @ParameterizedTest(name = "vector {index}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            2025-01-01T00:00:00Z | CVSync2AsyncSubmitTask | {"req_key":"jimeng_t2v_v30","prompt":"a cat","seed":-1,"frames":121,"aspect_ratio":"16:9"} | 5b55bd8f2f0816dc826e687e9f3e044ca381722217a40c15ef927f870de4f64a
            2025-01-01T00:00:00Z | CVSync2AsyncGetResult  | {"req_key":"jimeng_t2v_v30","task_id":"7392616336519610409"} | 498b259f5ac84014d3e2cbb00995d47fb5fa1bf122ca9df9c1cabb6efd35ab7b
            2025-12-31T23:59:59Z | CVSync2AsyncSubmitTask | {"req_key":"jimeng_ti2v_v30_pro","prompt":"千军万马","image_urls":["https://example.com/a.png"],"seed":42,"frames":241} | 90f85f3f4fac8548dcb54614a3320882df604e4a972c80f871eb35031f28475c
            """)
    void signsTheReferenceVectors(String instant, String action, String body, String expectedSignature) {
        Map<String, String> headers = signer.sign(KEYS, request(action, body), Instant.parse(instant));

        assertThat(headers.get("Authorization"))
                .isEqualTo("HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/"
                        + instant.substring(0, 10).replace("-", "")
                        + "/cn-north-1/cv/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature="
                        + expectedSignature);
    }

    @Test
    void intermediateValuesOfVectorOneMatch() {
        String body =
                "{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\",\"seed\":-1,\"frames\":121,\"aspect_ratio\":\"16:9\"}";
        Map<String, String> headers =
                signer.sign(KEYS, request("CVSync2AsyncSubmitTask", body), Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(headers.get("X-Content-Sha256"))
                .isEqualTo("c8b20c30685dd6838d0d70e6351fdae202131c02c7e7220f48f595b1fb33841a");
        assertThat(headers.get("X-Date")).isEqualTo("20250101T000000Z");
        assertThat(HexFormat.of().formatHex(signer.signingKey(KEYS.secretAccessKey(), "20250101")))
                .isEqualTo("645b7fae253cf600f9dfbbb7aafbc54ca9c5eb39479f0db13ec4c78c8ae6f1ff");
    }

    @Test
    void anAwsStylePrefixedKeyGivesTheKnownWrongSignature() {
        String body =
                "{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"a cat\",\"seed\":-1,\"frames\":121,\"aspect_ratio\":\"16:9\"}";
        Credentials aws = new Credentials(KEYS.accessKeyId(), "AWS4" + KEYS.secretAccessKey());

        String auth = signer.sign(aws, request("CVSync2AsyncSubmitTask", body), Instant.parse("2025-01-01T00:00:00Z"))
                .get("Authorization");

        assertThat(auth).contains("Signature=cb584b83").endsWith("fd2ac");
    }

    static SigningRequest request(String action, String body) {
        return new SigningRequest(
                "POST",
                "visual.volcengineapi.com",
                "/",
                Map.of("Action", action, "Version", "2022-08-31"),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }
}
