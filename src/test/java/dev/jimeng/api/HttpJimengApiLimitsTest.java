package dev.jimeng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jimeng.sign.Credentials;
import dev.jimeng.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API client against {@link HostileServer}: a stalled body ends with the timeout's error, a huge
 * answer is refused after at most the limit, and neither takes long or much memory.
 */
class HttpJimengApiLimitsTest {
    private static final Credentials KEYS = new Credentials("AKLTTESTACCESSKEY", "TEST-SECRET-0123456789");
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final long HUGE = 300L * 1024 * 1024;

    private HostileServer server;
    private HttpJimengApi api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpJimengApi api(HostileServer.Behaviour behaviour) throws Exception {
        server = HostileServer.start(behaviour);
        api = new HttpJimengApi(server.baseUrl(), KEYS, new ManualClock(), TIMEOUT);
        return api;
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsWithTheTimeoutError() throws Exception {
        HttpJimengApi client = api(HostileServer.headersThenStall());

        ApiException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> catchThrowableOfType(ApiException.class, () -> client.getResult("jimeng_t2v_v30", "1")));

        assertThat(e.error().code()).isEqualTo("timeout");
        assertThat(e.error().category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e.error().message()).contains("0.8 s");
    }

    @Test
    void aSubmitWhoseBodyStallsMayHaveBeenAccepted() throws Exception {
        HttpJimengApi client = api(HostileServer.headersThenStall());

        ApiException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> catchThrowableOfType(
                        ApiException.class,
                        () -> client.submit(
                                new SubmitBody("jimeng_t2v_v30", "a fox", null, null, 42L, 121, "16:9", null, null))));

        assertThat(e.error().code()).isEqualTo("timeout");
        assertThat(e.error().mayHaveReachedServer()).isTrue();
    }

    @Test
    void headersThatNeverComeEndWithTheTimeoutError() throws Exception {
        HttpJimengApi client = api(HostileServer.stallBeforeHeaders());

        ApiException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> catchThrowableOfType(ApiException.class, () -> client.getResult("jimeng_t2v_v30", "1")));

        assertThat(e.error().code()).isEqualTo("timeout");
    }

    @Test
    void aHugeAnnouncedAnswerIsRefusedWithoutReadingIt() throws Exception {
        assertHugeAnswerRefused(true);
    }

    @Test
    void aHugeAnswerWithoutLengthIsRefusedAfterTheLimit() throws Exception {
        assertHugeAnswerRefused(false);
    }

    private void assertHugeAnswerRefused(boolean announced) throws Exception {
        HttpJimengApi client = api(HostileServer.hugeAnswer(HUGE, announced));
        api = new HttpJimengApi(server.baseUrl(), KEYS, new ManualClock(), Duration.ofSeconds(30));
        client.close();

        ApiException e = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> catchThrowableOfType(ApiException.class, () -> api.getResult("jimeng_t2v_v30", "1")));

        assertThat(e.error().code()).isEqualTo("answer-too-large");
        assertThat(e.error().message()).contains("1 MiB");
        // the client can hold no more than was sent: the limit plus what sat in socket buffers
        assertThat(server.bodyBytesSent()).isLessThan(32L * 1024 * 1024);
    }
}
