package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.sign.Credentials;
import dev.jimeng.sign.SigningRequest;
import dev.jimeng.sign.V4Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tiny signing client for tests: V4Signer + the JDK HttpClient, with hooks to break the request
 * after signing. Not the product's API client.
 */
final class SandboxClient {
    static final String SUBMIT = "CVSync2AsyncSubmitTask";
    static final String GET_RESULT = "CVSync2AsyncGetResult";
    /** The req_key of text to video, 720p. */
    static final String T2V = "jimeng_t2v_v30";

    private final SandboxServer server;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxClient(SandboxServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** How one call is made; tests change one thing and leave the rest valid. */
    static final class Call {
        String action;
        String version = "2022-08-31";
        String body;
        Credentials credentials;
        Instant signedAt;
        String method = "POST";
        boolean signed = true;
        /** Applied to the headers after signing. */
        Consumer<Map<String, String>> tamperHeaders = h -> {};
        /** When not null, sent instead of the signed body. */
        String sentBody;
        /** When not null, sent as the query instead of the signed one. */
        String sentQuery;
    }

    Call call(String action, String body) {
        Call c = new Call();
        c.action = action;
        c.body = body;
        c.credentials = server.credentials();
        c.signedAt = clock.instant();
        return c;
    }

    Response send(Call c) throws IOException, InterruptedException {
        String query = "Action=" + c.action + "&Version=" + c.version;
        byte[] body = c.body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.signed) {
            SigningRequest request = new SigningRequest(
                    c.method,
                    "127.0.0.1:" + server.port(),
                    "/",
                    Map.of("Action", c.action, "Version", c.version),
                    "application/json",
                    body);
            headers.putAll(new V4Signer().sign(c.credentials, request, c.signedAt));
        }
        c.tamperHeaders.accept(headers);
        String sentQuery = c.sentQuery == null ? query : c.sentQuery;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/?" + sentQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(c.method, HttpRequest.BodyPublishers.ofString(c.sentBody == null ? c.body : c.sentBody));
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), Json.MAPPER.readTree(response.body()));
    }

    Response post(String action, String body) {
        try {
            return send(call(action, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response submit(String body) {
        return post(SUBMIT, body);
    }

    /** Submits a plain 720p text-to-video task and returns its id, failing if not accepted. */
    String submitTask(String prompt) {
        Response r = submit("{\"req_key\":\"jimeng_t2v_v30\",\"prompt\":\"" + prompt + "\",\"frames\":121}");
        if (r.code() != 10000) {
            throw new AssertionError("submit was refused: " + r);
        }
        return r.json().path("data").path("task_id").asText();
    }

    Response getResult(String reqKey, String taskId) {
        return post(GET_RESULT, "{\"req_key\":\"" + reqKey + "\",\"task_id\":\"" + taskId + "\"}");
    }

    HttpResponse<byte[]> download(String url, String range) throws IOException, InterruptedException {
        return download(url, range, "GET");
    }

    HttpResponse<byte[]> download(String url, String range, String method) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            builder.header("Range", range);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An answer: HTTP status and the parsed JSON. */
    record Response(int status, JsonNode json) {
        int code() {
            return json.path("code").asInt(-1);
        }

        String dataStatus() {
            return json.path("data").path("status").asText();
        }

        String gatewayCode() {
            return json.path("ResponseMetadata").path("Error").path("Code").asText();
        }

        int gatewayCodeN() {
            return json.path("ResponseMetadata").path("Error").path("CodeN").asInt();
        }
    }
}
