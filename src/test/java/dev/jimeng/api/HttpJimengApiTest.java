package dev.jimeng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.jimeng.json.Json;
import dev.jimeng.sign.Credentials;
import dev.jimeng.sign.V4Signer;
import dev.jimeng.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real JDK HTTP server on 127.0.0.1 that checks signatures like Volcengine would. */
class HttpJimengApiTest {
    private static final String SECRET = "TEST-SECRET-wJalrXUtnFEMI/K7MDENG==";
    private static final String TOKEN = "STS-SESSION-TOKEN-0123456789";
    private static final Credentials KEYS = new Credentials("AKLTTESTACCESSKEY", SECRET);
    private static final String BASE64_IMAGE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";

    private final ManualClock clock = new ManualClock();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<HttpJimengApi> clients = new ArrayList<>();
    private ExecutorService executor;
    private HttpServer server;
    private volatile HttpHandler behaviour;

    /** What the server saw of one request, and what it concluded about its signature. */
    record Received(
            String method,
            String host,
            String path,
            Map<String, String> query,
            JsonNode body,
            Headers headers,
            String signatureProblem) {}

    @BeforeEach
    void startServer() throws IOException {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> behaviour.handle(exchange));
        server.start();
        behaviour = verifyingServer(
                SECRET,
                "{\"code\":10000,\"data\":{\"task_id\":7392616336519610409},"
                        + "\"message\":\"Success\",\"request_id\":\"req-ok\",\"status\":10000}");
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        clients.forEach(HttpJimengApi::close);
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aSubmitIsSignedExactlyAsSentWithANonAsciiPromptAPathAndANonDefaultPort() throws ApiException {
        HttpJimengApi api = client(URI.create(baseUrl() + "/proxy/jimeng"), KEYS, Duration.ofSeconds(5));

        SubmitResult result = api.submit(body("千军万马 — a cat in the rain, 雨中的猫", null));

        assertThat(result).isEqualTo(new SubmitResult("7392616336519610409", "req-ok"));
        Received r = received.getFirst();
        assertThat(r.signatureProblem()).isNull();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.host()).isEqualTo("127.0.0.1:" + port());
        assertThat(r.path()).isEqualTo("/proxy/jimeng");
        assertThat(r.query())
                .containsExactly(Map.entry("Action", "CVSync2AsyncSubmitTask"), Map.entry("Version", "2022-08-31"));
        assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(r.body().get("prompt").asText()).isEqualTo("千军万马 — a cat in the rain, 雨中的猫");
        assertThat(r.body().get("frames").asInt()).isEqualTo(121);
    }

    @Test
    void aGetResultWithAnStsTokenSignsTheTokenToo() throws ApiException {
        behaviour = verifyingServer(
                SECRET,
                "{\"code\":10000,\"data\":{\"status\":\"in_queue\",\"video_url\":\"\"}," + "\"request_id\":\"req-2\"}");
        HttpJimengApi api = client(
                URI.create(baseUrl()), new Credentials(KEYS.accessKeyId(), SECRET, TOKEN), Duration.ofSeconds(5));

        TaskResult result = api.getResult("jimeng_t2v_v30", "7392616336519610409");

        assertThat(result.status()).isEqualTo(TaskStatus.IN_QUEUE);
        Received r = received.getFirst();
        assertThat(r.signatureProblem()).isNull();
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.headers().getFirst("Authorization")).contains("x-security-token");
        assertThat(r.headers().getFirst("X-Security-Token")).isEqualTo(TOKEN);
        assertThat(r.body().toString())
                .isEqualTo("{\"req_key\":\"jimeng_t2v_v30\",\"task_id\":\"7392616336519610409\"}");
    }

    @Test
    void everyAttemptIsSignedAfreshWithTheCurrentTime() throws ApiException {
        HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofSeconds(5));

        api.submit(body("a cat", null));
        clock.advance(Duration.ofMinutes(7));
        api.submit(body("a cat", null));

        assertThat(received).hasSize(2).allSatisfy(r -> assertThat(r.signatureProblem())
                .isNull());
        assertThat(received.get(0).headers().getFirst("X-Date")).isEqualTo("20250101T000000Z");
        assertThat(received.get(1).headers().getFirst("X-Date")).isEqualTo("20250101T000700Z");
    }

    @Test
    void aWrongSecretIsRejectedByTheServerAndNothingSecretLeaks() {
        // The server knows the real secret; the client signs with another. The server echoes the
        // Authorization header in its message, as a careless gateway might.
        HttpJimengApi api = client(
                URI.create(baseUrl()), new Credentials(KEYS.accessKeyId(), "WRONG-" + SECRET), Duration.ofSeconds(5));

        ApiException e =
                catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", List.of(BASE64_IMAGE))));

        assertThat(e.error().code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.error().category()).isEqualTo(ErrorCategory.AUTH);
        assertThat(e.error().retry()).isEqualTo(Retry.NEVER);
        assertThat(e.error().hint()).contains("VOLC_SECRETKEY");
        assertThat(received.getFirst().signatureProblem()).isEqualTo("signature mismatch");
        String signature = signatureOf(received.getFirst().headers().getFirst("Authorization"));
        assertNoSecrets(e, signature);
    }

    @Test
    void businessErrorsOnASubmitMeanTheTaskSurelyWasNotAccepted() {
        for (int code : new int[] {50429, 50430, 50500}) {
            int http = code == 50500 ? 500 : 429;
            behaviour = canned(http, "{\"code\":" + code + ",\"data\":null,\"message\":\"busy\",\"request_id\":\"q\"}");
            HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofSeconds(5));

            ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

            assertThat(e.error().code()).isEqualTo(Integer.toString(code));
            assertThat(e.error().httpStatus()).isEqualTo(http);
            assertThat(e.error().mayHaveReachedServer()).isFalse();
        }
    }

    @Test
    void aContentReviewFailureIsMappedWithItsHint() {
        behaviour =
                canned(400, "{\"code\":50412,\"data\":null,\"message\":\"Text Risk Not Pass\",\"request_id\":\"q\"}");
        HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofSeconds(5));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

        assertThat(e.getMessage())
                .isEqualTo("50412: the prompt failed the text content review (server: Text Risk Not Pass)"
                        + " — rephrase the prompt: it failed the text content review");
    }

    @Test
    void anHtmlBadGatewayPageMeansBackOffAndTheSubmitMayHaveBeenAccepted() {
        behaviour = canned(502, "<html><body>502 Bad Gateway</body></html>");
        HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofSeconds(5));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

        assertThat(e.error())
                .extracting(ApiError::code, ApiError::category, ApiError::retry, ApiError::mayHaveReachedServer)
                .containsExactly("http-502", ErrorCategory.SERVER, Retry.BACKOFF, true);
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheSubmitMayHaveBeenAccepted() {
        behaviour = exchange -> {
            exchange.getRequestBody().readAllBytes();
            awaitRelease();
        };
        HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofMillis(200));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

        assertThat(e.error())
                .extracting(ApiError::code, ApiError::category, ApiError::retry, ApiError::mayHaveReachedServer)
                .containsExactly("timeout", ErrorCategory.TIMEOUT, Retry.BACKOFF, true);
        assertThat(e.error().describe()).contains("0.2 s").contains("JIMENG_VIDEO_API_TIMEOUT");
    }

    @Test
    void aConnectionClosedMidRequestIsANetworkErrorThatMayHaveReachedTheServer() {
        behaviour = exchange -> {
            exchange.getRequestBody().readNBytes(10);
            exchange.close(); // no response: the server drops the connection
        };
        HttpJimengApi api = client(URI.create(baseUrl()), KEYS, Duration.ofSeconds(5));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

        assertThat(e.error())
                .extracting(ApiError::code, ApiError::category, ApiError::retry, ApiError::mayHaveReachedServer)
                .containsExactly("connection", ErrorCategory.NETWORK, Retry.BACKOFF, true);
    }

    @Test
    void aRefusedConnectionSurelyDidNotReachTheServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpJimengApi api = client(URI.create("http://127.0.0.1:" + closedPort), KEYS, Duration.ofSeconds(5));

        ApiException e = catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", null)));

        assertThat(e.error())
                .extracting(ApiError::code, ApiError::category, ApiError::retry, ApiError::mayHaveReachedServer)
                .containsExactly("connection", ErrorCategory.NETWORK, Retry.BACKOFF, false);
        assertThat(e.error().hint()).contains("JIMENG_VIDEO_API_URL");
    }

    @Test
    void theRequestLogGetsOneRedactedLinePerCall() throws ApiException {
        HttpJimengApi api = client(
                URI.create(baseUrl()), new Credentials(KEYS.accessKeyId(), SECRET, TOKEN), Duration.ofSeconds(5));
        api.submit(body("a cat", List.of(BASE64_IMAGE)));
        behaviour = canned(400, "{\"code\":50411,\"data\":null,\"message\":\"Image Risk\",\"request_id\":\"q\"}");
        ApiException e =
                catchThrowableOfType(ApiException.class, () -> api.submit(body("a cat", List.of(BASE64_IMAGE))));

        assertThat(logLines)
                .containsExactly(
                        "CVSync2AsyncSubmitTask req_key=jimeng_i2v_first_v30 task_id=7392616336519610409"
                                + " request_id=req-ok http=200 code=10000 elapsed=0ms",
                        "CVSync2AsyncSubmitTask req_key=jimeng_i2v_first_v30 task_id=- request_id=q http=400 code=50411"
                                + " elapsed=0ms");
        assertNoSecrets(e, signatureOf(received.getFirst().headers().getFirst("Authorization")));
        assertThat(received.getFirst().body().get("binary_data_base64").get(0).asText())
                .isEqualTo(BASE64_IMAGE);
    }

    @Test
    void itsStringFormShowsNoSecret() {
        HttpJimengApi api = client(URI.create(baseUrl()), new Credentials("AK", SECRET, TOKEN), Duration.ofSeconds(5));

        assertThat(api.toString()).doesNotContain(SECRET).doesNotContain(TOKEN).contains("AK");
    }

    // ---- helpers ----

    private HttpJimengApi client(URI base, Credentials credentials, Duration timeout) {
        HttpJimengApi api = new HttpJimengApi(
                base, credentials, new V4Signer(), clock, timeout, call -> logLines.add(call.line()), null);
        clients.add(api);
        return api;
    }

    private void assertNoSecrets(ApiException e, String signature) {
        List<String> texts = new ArrayList<>(logLines);
        texts.add(e.getMessage());
        texts.add(e.toString());
        texts.add(e.error().toString());
        texts.add(e.error().describe());
        assertThat(signature).isNotBlank();
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN)
                .doesNotContain(signature)
                .doesNotContain(BASE64_IMAGE));
    }

    private static SubmitBody body(String prompt, List<String> base64) {
        return new SubmitBody(
                base64 == null ? "jimeng_t2v_v30" : "jimeng_i2v_first_v30",
                prompt,
                null,
                base64,
                -1L,
                121,
                base64 == null ? "16:9" : null,
                null,
                null);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpHandler canned(int status, String body) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, status, body);
        };
    }

    /** Verifies the V4 signature from the received request alone, as Volcengine's gateway does. */
    private HttpHandler verifyingServer(String secret, String successBody) {
        return exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers headers = exchange.getRequestHeaders();
            Map<String, String> query = decodeQuery(exchange.getRequestURI().getRawQuery());
            String problem = signatureProblem(exchange, body, query, secret);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    headers.getFirst("Host"),
                    exchange.getRequestURI().getRawPath(),
                    query,
                    Json.MAPPER.readTree(body),
                    headers,
                    problem));
            if (problem == null) {
                respond(exchange, 200, successBody);
            } else {
                respond(
                        exchange,
                        401,
                        "{\"ResponseMetadata\":{\"RequestId\":\"gw\",\"Error\":{\"CodeN\":100010,"
                                + "\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"we got "
                                + headers.getFirst("Authorization") + "\"}}}");
            }
        };
    }

    private static String signatureProblem(
            HttpExchange exchange, byte[] body, Map<String, String> query, String secret) {
        Headers headers = exchange.getRequestHeaders();
        String auth = headers.getFirst("Authorization");
        String xDate = headers.getFirst("X-Date");
        if (auth == null || xDate == null) {
            return "missing signing headers";
        }
        String payloadHash = V4Signer.sha256Hex(body);
        if (!payloadHash.equals(headers.getFirst("X-Content-Sha256"))) {
            return "body hash mismatch";
        }
        V4Signer signer = new V4Signer();
        String credential = between(auth, "Credential=", ",");
        if (!credential.equals(KEYS.accessKeyId() + "/" + signer.scope(xDate))) {
            return "bad credential scope " + credential;
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : between(auth, "SignedHeaders=", ",").split(";")) {
            signed.put(name, headers.getFirst(name));
        }
        if (!signed.keySet().containsAll(List.of("content-type", "host", "x-content-sha256", "x-date"))) {
            return "too few signed headers";
        }
        String expected = signer.signature(
                secret,
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                new TreeMap<>(query),
                signed,
                payloadHash,
                xDate);
        return expected.equals(signatureOf(auth)) ? null : "signature mismatch";
    }

    private static String signatureOf(String authorization) {
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        int to = text.indexOf(end, from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static Map<String, String> decodeQuery(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return Collections.unmodifiableMap(query);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
