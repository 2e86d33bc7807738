package dev.jimeng.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTextTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://host/v.mp4?X-Tos-Signature=SECRET&token=SECRET2",
                "https://ho st/v.mp4?token=SECRET3",
                "https://host/v.mp4?token=SECRET%zz",
                "Illegal character in authority at index 10: https://ho st/v.mp4?X-Tos-Signature=SECRET",
                "https://user:SECRET@host/v.mp4",
                "https://host/v.mp4#SECRET",
                "fetch 'https://host/v.mp4?a=1&X-Amz-Signature=SECRET' failed",
                "https%3A%2F%2Fhost%2Fv.mp4%3Ftoken%3DSECRET",
                "the parameters X-Tos-Credential=SECRET, token=SECRET were refused",
                "st/v.mp4?Expires=1&Signature=SECRET"
            })
    void noSecretSurvives(String text) {
        assertThat(SecretText.scrub(text)).doesNotContain("SECRET").contains(SecretText.HIDDEN);
        assertThat(SecretText.url(text)).doesNotContain("SECRET");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the server says task 7392616336519610409 is running",
                "download of https://host/videos/1.mp4 failed after 3 attempts",
                "check JIMENG_VIDEO_API_URL (unset it to use https://visual.volcengineapi.com)"
            })
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(SecretText.scrub(text)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void aUrlKeepsItsHostAndPath() {
        assertThat(SecretText.url("https://u:p@host:8443/a/v.mp4?token=x"))
                .isEqualTo("https://host:8443/a/v.mp4?<redacted>");
        assertThat(SecretText.url("https://ho st/v.mp4?token=x")).isEqualTo("https://ho st/v.mp4?<redacted>");
    }
}
