package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
    private static final URI SIGNED = URI.create(
            "https://v3.cdn.example.com:8443/obj/video%20x.mp4?X-Tos-Signature=abc%2Fdef&X-Tos-Expires=3600#t=1");

    @ParameterizedTest
    @CsvSource({
        "https://cdn.example.com/v/1.mp4?sig=SECRET, https://cdn.example.com/v/1.mp4",
        "http://127.0.0.1:8080/a.mp4?token=SECRET#frag, http://127.0.0.1:8080/a.mp4",
        "https://user:SECRET@cdn.example.com/a.mp4, https://cdn.example.com/a.mp4",
        "https://[::1]:9000/a.mp4?x=SECRET, https://[::1]:9000/a.mp4",
        "https://cdn.example.com?x=SECRET, https://cdn.example.com",
        "mailto:SECRET@example.com, mailto:<redacted>"
    })
    void redactKeepsOnlySchemeHostPortAndPath(String url, String expected) {
        assertThat(Redaction.redact(URI.create(url))).isEqualTo(expected).doesNotContain("SECRET");
    }

    @Test
    void scrubHidesTheWholeUrlAndItsQueryRawOrDecodedOnOneLine() {
        String text = "GET " + SIGNED + " failed\nquery was X-Tos-Signature=abc/def&X-Tos-Expires=3600";

        String clean = Redaction.scrub(text, SIGNED);

        assertThat(clean)
                .contains("https://v3.cdn.example.com:8443/obj/video%20x.mp4")
                .doesNotContain("abc")
                .doesNotContain("X-Tos-Signature")
                .doesNotContain("\n");
    }

    @Test
    void aCauseThatMentionsTheQueryIsReplacedByAScrubbedStandIn() {
        IOException leaky = new IOException("closed", new IOException("bad response for " + SIGNED));

        Throwable safe = Redaction.safeCause(leaky, SIGNED);

        assertThat(safe).isNotSameAs(leaky).hasNoCause();
        assertThat(safe.getMessage()).doesNotContain("abc").contains("video%20x.mp4");
        assertThat(safe.getStackTrace()).isEqualTo(leaky.getStackTrace());
    }

    @Test
    void aCauseThatMentionsNothingSecretIsKeptAsItIs() {
        IOException harmless = new IOException("fixed content-length: 10, bytes received: 4");

        assertThat(Redaction.safeCause(harmless, SIGNED)).isSameAs(harmless);
    }
}
