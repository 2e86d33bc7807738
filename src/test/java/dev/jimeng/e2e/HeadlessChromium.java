package dev.jimeng.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own WebSocket
 * client: no driver, no extra dependency. One page; its console errors, uncaught exceptions and
 * browser log errors (a CSP refusal, a failed load) are collected.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration CALL = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private HeadlessChromium(Process process, WebSocket.Builder builder, URI page) throws Exception {
        this.process = process;
        this.socket = builder.buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
    }

    public static HeadlessChromium start(Path profile) throws Exception {
        Process process = new ProcessBuilder(
                        "chromium",
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--mute-audio",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String browser = null;
        for (String line; browser == null && (line = stderr.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium printed no DevTools address");
        }
        Thread.ofVirtual().start(() -> stderr.lines().forEach(l -> {})); // keep its pipe drained
        URI address = URI.create(browser);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + address.getHost() + ":" + address.getPort() + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                HeadlessChromium chromium = new HeadlessChromium(
                        process,
                        http.newWebSocketBuilder(),
                        URI.create(target.get("webSocketDebuggerUrl").asText()));
                chromium.call("Runtime.enable", Map.of());
                chromium.call("Log.enable", Map.of());
                chromium.call("Page.enable", Map.of());
                return chromium;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium has no page: " + targets);
    }

    /** Opens {@code url} and returns once its load event fired. */
    public void open(String url) throws Exception {
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        loaded.get(CALL.toSeconds(), TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression (a promise is awaited). */
    public JsonNode eval(String expression) throws Exception {
        JsonNode result = call(
                "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true, "userGesture", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    public JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(CALL.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(CALL.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Console errors, uncaught exceptions and browser log errors since the start. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> call = calls.remove(message.get("id").asInt());
            if (call != null) {
                call.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            default -> {}
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
