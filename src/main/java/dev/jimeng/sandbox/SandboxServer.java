package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jimeng.json.Json;
import dev.jimeng.sign.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local Jimeng-compatible server, on 127.0.0.1 only, one virtual thread per request. Start it
 * with {@link #start(SandboxConfig)}, point a client at {@link #baseUrl()} with {@link
 * #credentials()}, and read back what it saw with {@link #requests()} and the counters.
 */
public final class SandboxServer implements AutoCloseable {
    private final SandboxConfig config;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Clock clock;
    private final SandboxFaults faults;
    private final TaskBoard tasks;
    private final VideoLibrary videos;
    private final RequestLog log = new RequestLog();
    private final ApiEndpoint api;
    private final VideoEndpoint downloads;
    /** In front of the server when the config skews the Date header, else null. */
    private final SkewedDateFront front;

    private SandboxServer(SandboxConfig config, HttpServer http) throws IOException {
        this.config = config;
        this.http = http;
        this.front = config.dateSkew().isZero()
                ? null
                : new SkewedDateFront(config.port(), http.getAddress().getPort(), config.clock(), config.dateSkew());
        this.clock = config.clock();
        this.faults = new SandboxFaults(config);
        this.tasks = new TaskBoard(
                config.queueDuration(),
                config.generateDuration(),
                config.taskLifetime(),
                config.concurrencyLimit(),
                config.taskJournal() == null ? TaskJournal.NONE : new TaskJournal(config.taskJournal()),
                config.generateSpread(),
                config.spreadSeed());
        this.videos = new VideoLibrary(config.cacheDir(), config.distinctFrames());
        VideoUrlSigner urls = new VideoUrlSigner();
        this.api = new ApiEndpoint(config, tasks, videos, urls, faults, baseUrl());
        this.downloads = new VideoEndpoint(clock, tasks, videos, urls, faults);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
    }

    /** Binds 127.0.0.1 on {@code config.port()} (0: a free port) and starts serving. */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        // with a skewed Date, a relay takes the port and the server sits behind it on a free one
        int port = config.dateSkew().isZero() ? config.port() : 0;
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
        SandboxServer server = new SandboxServer(config, http);
        http.start();
        return server;
    }

    public int port() {
        return front != null ? front.port() : http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash, like {@code https://visual.volcengineapi.com}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The only key pair this sandbox accepts. */
    public Credentials credentials() {
        return config.credentials();
    }

    /** The access key id of {@link #credentials()}, for display. */
    public String accessKeyId() {
        return config.credentials().accessKeyId();
    }

    /** The secret values of its key pair, for a client's redaction of logs. */
    public List<String> secrets() {
        return List.of(config.credentials().secretAccessKey());
    }

    public SandboxConfig config() {
        return config;
    }

    /** Fault injection, changeable while the server runs. */
    public SandboxFaults faults() {
        return faults;
    }

    /** Every request received so far, oldest first (including rejected and dropped ones). */
    public List<LoggedRequest> requests() {
        return log.entries();
    }

    /** Submit requests received, accepted or not. */
    public int submitCount() {
        return log.submits();
    }

    /** GetResult requests received, answered or not. */
    public int getResultCount() {
        return log.getResults();
    }

    /** Video requests (GET and HEAD) received. */
    public int downloadCount() {
        return log.downloads();
    }

    /** Tasks accepted so far. */
    public int taskCount() {
        return tasks.size();
    }

    /**
     * When the task {@code taskId} is, or will be, done here: its submit's arrival plus its time in the
     * queue and generating (drawn for it when the times spread). Empty for an id this sandbox never gave.
     */
    public Optional<Instant> doneAt(String taskId) {
        return tasks.doneAt(taskId);
    }

    /** The most tasks that were not yet done at the same time. */
    public int maxConcurrentTasks() {
        return tasks.maxConcurrent();
    }

    /** Tasks not yet done at the sandbox's current time. */
    public int runningTasks() {
        return tasks.running(clock.instant());
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long startedNanos = System.nanoTime();
        Instant arrived = clock.instant();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query =
                RequestAuthenticator.decodeQuery(exchange.getRequestURI().getRawQuery());
        boolean isApi = path.equals("/");
        String kind = isApi ? ApiEndpoint.knownAction(query) : path.startsWith("/videos/") ? RequestLog.DOWNLOAD : "";
        String target = isApi ? query.getOrDefault("Action", "") : path;
        JsonNode loggedBody = null;
        java.util.List<String> imageHashes = java.util.List.of();
        int status = 500;
        Integer businessCode = null;
        String gatewayError = null;
        log.arrived(kind == null ? "" : kind);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            loggedBody = RequestLog.redactedBody(body);
            imageHashes = RequestLog.imageHashes(body);
            if (faults.takeDrop()) {
                status = 0; // closing before any header is sent makes the client see a dead connection
                return;
            }
            if (isApi) {
                Reply reply = api.handle(exchange, query, body, startedNanos);
                status = reply.httpStatus();
                businessCode = reply.businessCode();
                gatewayError = reply.gatewayError();
                sendJson(exchange, status, reply.json());
            } else if (kind.equals(RequestLog.DOWNLOAD)) {
                status = downloads.handle(exchange, query);
            } else {
                status = 404;
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException | RuntimeException e) {
            // a client that went away, or a bug: answer 500 if nothing was sent yet
            if (exchange.getResponseCode() == -1) {
                Reply reply = Reply.gateway(
                        GatewayError.INTERNAL_ERROR,
                        "The sandbox failed: " + e.getClass().getSimpleName(),
                        query.get("Action"),
                        query.get("Version"),
                        Reply.newRequestId(arrived));
                status = 500;
                gatewayError = reply.gatewayError();
                try {
                    sendJson(exchange, 500, reply.json());
                } catch (IOException ignored) {
                    // the client is gone
                }
            }
        } finally {
            log.add(new LoggedRequest(
                    arrived,
                    exchange.getRequestMethod(),
                    target,
                    loggedBody,
                    status,
                    businessCode,
                    gatewayError,
                    imageHashes));
            // close the exchange, not the body stream: if a truncated download left bytes unsent,
            // this drops the connection instead of leaving the client waiting
            exchange.close();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
