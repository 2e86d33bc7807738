package dev.jimeng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jimeng.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpJimengApiEnvironmentTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void withOnlyTheKeysTheDefaultsAreUsed() {
        try (HttpJimengApi api = HttpJimengApi.fromEnvironment(keys(), clock)) {
            assertThat(api.baseUrl()).isEqualTo(URI.create("https://visual.volcengineapi.com"));
            assertThat(api.timeout()).isEqualTo(Duration.ofSeconds(300));
        }
    }

    @Test
    void theUrlAndAFractionalTimeoutAreRead() {
        Map<String, String> env = keys();
        env.put("JIMENG_VIDEO_API_URL", " http://127.0.0.1:8787/sandbox ");
        env.put("JIMENG_VIDEO_API_TIMEOUT", "0.25");

        try (HttpJimengApi api = HttpJimengApi.fromEnvironment(env, clock)) {
            assertThat(api.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8787/sandbox"));
            assertThat(api.timeout()).isEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aMissingSecretKeyNamesTheVariableAndTheWayOut() {
        Map<String, String> env = keys();
        env.put("VOLC_SECRETKEY", "   ");

        assertThatThrownBy(() -> HttpJimengApi.fromEnvironment(env, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("VOLC_SECRETKEY is not set: export it")
                .hasMessageContaining("--sandbox");
    }

    @Test
    void aMissingAccessKeyNamesTheVariable() {
        Map<String, String> env = keys();
        env.remove("VOLC_ACCESSKEY");

        assertThatThrownBy(() -> HttpJimengApi.fromEnvironment(env, clock))
                .hasMessageStartingWith("VOLC_ACCESSKEY is not set");
    }

    @ParameterizedTest(name = "timeout \"{0}\" is rejected")
    @ValueSource(strings = {"abc", "0", "-5", "1e12", "5s"})
    void anInvalidTimeoutIsRejectedWithTheFix(String value) {
        Map<String, String> env = keys();
        env.put("JIMENG_VIDEO_API_TIMEOUT", value);

        assertThatThrownBy(() -> HttpJimengApi.fromEnvironment(env, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment JIMENG_VIDEO_API_TIMEOUT: api-timeout: '" + value + "'")
                .hasMessageContaining("give a positive number of seconds")
                .hasMessageContaining("unset JIMENG_VIDEO_API_TIMEOUT");
    }

    @ParameterizedTest(name = "url \"{0}\" is rejected")
    @ValueSource(strings = {"ftp://example.com", "visual.volcengineapi.com", "http://", "http://h/?a=b", "ht tp://x"})
    void anUnusableUrlIsRejectedWithTheFix(String value) {
        Map<String, String> env = keys();
        env.put("JIMENG_VIDEO_API_URL", value);

        assertThatThrownBy(() -> HttpJimengApi.fromEnvironment(env, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment JIMENG_VIDEO_API_URL: api-url: '" + value + "'")
                .hasMessageContaining("give an http(s) URL such as https://visual.volcengineapi.com")
                .hasMessageContaining("unset JIMENG_VIDEO_API_URL");
    }

    @Test
    void errorMessagesNeverShowTheSecret() {
        Map<String, String> env = keys();
        env.put("JIMENG_VIDEO_API_TIMEOUT", "nope");

        assertThatThrownBy(() -> HttpJimengApi.fromEnvironment(env, clock))
                .message()
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void theHostHeaderCarriesThePortOnlyWhenItIsNotTheSchemesDefault() {
        assertThat(HttpJimengApi.hostHeader(URI.create("https://visual.volcengineapi.com")))
                .isEqualTo("visual.volcengineapi.com");
        assertThat(HttpJimengApi.hostHeader(URI.create("https://h:443/x"))).isEqualTo("h");
        assertThat(HttpJimengApi.hostHeader(URI.create("http://h:80"))).isEqualTo("h");
        assertThat(HttpJimengApi.hostHeader(URI.create("http://h:443"))).isEqualTo("h:443");
        assertThat(HttpJimengApi.hostHeader(URI.create("http://127.0.0.1:8787")))
                .isEqualTo("127.0.0.1:8787");
    }

    private static Map<String, String> keys() {
        Map<String, String> env = new HashMap<>();
        env.put("VOLC_ACCESSKEY", "AKLTEXAMPLE");
        env.put("VOLC_SECRETKEY", "s3cr3t-value");
        return env;
    }
}
