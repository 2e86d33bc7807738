package dev.jimeng.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jimeng.config.Setting;
import dev.jimeng.config.Settings;
import dev.jimeng.json.Json;
import dev.jimeng.sign.Credentials;
import dev.jimeng.sign.SigningRequest;
import dev.jimeng.sign.V4Signer;
import dev.jimeng.text.SecretText;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;

/**
 * The real API over HTTP/1.1 with the JDK client. Each call is exactly ONE attempt, signed afresh
 * with the clock's current time; retrying and back-off belong to the job engine, so every failure is
 * classified precisely, including whether a submit may have been accepted although no answer came.
 */
public final class HttpJimengApi implements JimengApi, AutoCloseable {
    public static final URI DEFAULT_BASE_URL = URI.create(Setting.DEFAULT_API_URL);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    static final String CONTENT_TYPE = "application/json";
    /** The largest API answer read: real ones are a few KiB; anything bigger is not the Jimeng API. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final HttpClient http;
    private final URI baseUrl;
    private final String host;
    private final String path;
    private final Credentials credentials;
    private final V4Signer signer;
    private final Clock clock;
    private final Duration timeout;
    private final Consumer<ApiCall> requestLog;
    private final java.net.ProxySelector proxy;

    /**
     * @param baseUrl any http(s) URL, optionally with a path; no query
     * @param requestLog told of every call (action, req_key, ids, HTTP status, code, elapsed ms)
     */
    public HttpJimengApi(
            URI baseUrl,
            Credentials credentials,
            V4Signer signer,
            Clock clock,
            Duration timeout,
            Consumer<ApiCall> requestLog,
            java.net.ProxySelector proxy) {
        this.proxy = proxy;
        this.baseUrl = checkBaseUrl(baseUrl);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.requestLog = requestLog == null ? line -> {} : requestLog;
        this.host = hostHeader(this.baseUrl);
        String rawPath = this.baseUrl.getRawPath();
        this.path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            client.proxy(proxy);
        }
        this.http = client.build();
    }

    public HttpJimengApi(URI baseUrl, Credentials credentials, Clock clock, Duration timeout) {
        this(baseUrl, credentials, new V4Signer(), clock, timeout, null, null);
    }

    /**
     * Builds the client from environment variables, read as {@link Settings} reads them: {@code
     * VOLC_ACCESSKEY} and {@code VOLC_SECRETKEY} (or Volcengine's {@code VOLCENGINE_ACCESS_KEY} and {@code
     * VOLCENGINE_SECRET_KEY}), optional {@code VOLC_SESSION_TOKEN}, {@code JIMENG_VIDEO_API_URL} and {@code
     * JIMENG_VIDEO_API_TIMEOUT} (the api-url and api-timeout settings); the proxy variables
     * ({@link ProxyVariables}) are honoured.
     *
     * @throws IllegalArgumentException naming the variable and the fix when one is missing or invalid
     */
    public static HttpJimengApi fromEnvironment(Map<String, String> env, Clock clock) {
        Settings settings = Settings.fromEnvironment(env);
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(settings.problems().getFirst());
        }
        String accessKey = settings.credentialSource().accessKey().orElseThrow(() -> missing("VOLC_ACCESSKEY"));
        String secretKey = settings.secretKey().orElseThrow(() -> missing("VOLC_SECRETKEY"));
        return new HttpJimengApi(
                settings.apiUrl(),
                new Credentials(accessKey, secretKey, settings.sessionToken().orElse(null)),
                new V4Signer(),
                clock,
                settings.seconds(Setting.API_TIMEOUT),
                null,
                ProxyVariables.from(env).selector());
    }

    /**
     * A client signing with this key pair (and STS session token, null when none), through {@code proxy}
     * (null: direct): for callers that hold the keys as text and do not sign themselves.
     */
    public static HttpJimengApi withKeys(
            URI baseUrl,
            String accessKey,
            String secretKey,
            String sessionToken,
            Clock clock,
            Duration timeout,
            java.net.ProxySelector proxy) {
        return new HttpJimengApi(
                baseUrl,
                new Credentials(accessKey, secretKey, sessionToken),
                new V4Signer(),
                clock,
                timeout,
                null,
                proxy);
    }

    /** A copy that reports each call to {@code requestLog}. */
    public HttpJimengApi withRequestLog(Consumer<ApiCall> requestLog) {
        return new HttpJimengApi(baseUrl, credentials, signer, clock, timeout, requestLog, proxy);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public SubmitResult submit(SubmitBody body) throws ApiException {
        return call(ApiAction.SUBMIT_TASK, body.reqKey(), null, serialize(body), ResponseClassifier::classifySubmit)
                .orThrow();
    }

    @Override
    public TaskResult getResult(String reqKey, String taskId) throws ApiException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("req_key", reqKey);
        body.put("task_id", taskId);
        return call(ApiAction.GET_RESULT, reqKey, taskId, serialize(body), ResponseClassifier::classifyGetResult)
                .orThrow();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpJimengApi[" + baseUrl + ", " + credentials + ", timeout=" + timeout + "]";
    }

    private <T> ResponseClassifier.Outcome<T> call(
            ApiAction action,
            String reqKey,
            String taskId,
            byte[] body,
            BiFunction<Integer, byte[], ResponseClassifier.Outcome<T>> classifier) {
        boolean submit = action == ApiAction.SUBMIT_TASK;
        URI uri = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path + "?Action=" + action.wire()
                + "&Version=" + ApiAction.VERSION);
        SigningRequest toSign = new SigningRequest(
                "POST", host, path, Map.of("Action", action.wire(), "Version", ApiAction.VERSION), CONTENT_TYPE, body);
        Map<String, String> signed = signer.sign(credentials, toSign, clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(request::header);
        Redactor redactor = new Redactor(credentials, signed.get("Authorization"));

        java.time.Instant startedAt = clock.instant();
        long started = clock.millis();
        ResponseClassifier.Outcome<T> outcome;
        String status;
        // One deadline for the whole exchange, headers and body: the client's own timeout (set on
        // the request) ends at the headers, and a server that then stalls would hang the call for ever.
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = Integer.toString(response.statusCode());
            byte[] answer = BoundedBody.read(response, MAX_ANSWER_BYTES, deadline);
            outcome = classifier.apply(response.statusCode(), answer);
        } catch (BoundedBody.DeadlinePassed e) {
            status = "-";
            outcome = new ResponseClassifier.Outcome.Failure<>(ErrorCatalog.timeout(timeout, submit));
        } catch (BoundedBody.TooLarge e) {
            outcome = new ResponseClassifier.Outcome.Failure<>(ErrorCatalog.answerTooLarge(MAX_ANSWER_BYTES, submit));
            status = "-";
        } catch (IOException e) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                status = "-";
                outcome = new ResponseClassifier.Outcome.Failure<>(interrupted(submit));
            } else {
                status = "-";
                outcome = new ResponseClassifier.Outcome.Failure<>(transportError(e, submit, redactor));
            }
        } catch (OutOfMemoryError e) {
            status = "-"; // the answer was dropped with the error: there is room again
            outcome = new ResponseClassifier.Outcome.Failure<>(ErrorCatalog.outOfMemory(submit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "-";
            outcome = new ResponseClassifier.Outcome.Failure<>(interrupted(submit));
        }
        if (outcome instanceof ResponseClassifier.Outcome.Failure<T> f) {
            outcome = new ResponseClassifier.Outcome.Failure<>(redactor.redact(f.error()));
        }
        requestLog.accept(logged(action, reqKey, taskId, startedAt, status, outcome, clock.millis() - started));
        return outcome;
    }

    private static ApiError interrupted(boolean submit) {
        return new ApiError(
                "interrupted",
                0,
                ErrorCategory.NETWORK,
                Retry.BACKOFF,
                "the call was interrupted",
                submit ? "the task may have been accepted: look for it before submitting again" : "",
                null,
                submit);
    }

    /** Which transport failure this was; order matters (connect timeout is also a timeout). */
    private ApiError transportError(IOException e, boolean submit, Redactor redactor) {
        if (causedByOutOfMemory(e)) {
            // the client wraps an OutOfMemoryError of its body handler in an IOException: not the network
            return ErrorCatalog.outOfMemory(submit);
        }
        String detail = redactor.redact(e.getMessage());
        if (e instanceof HttpConnectTimeoutException) {
            // Nothing was sent: the connection never opened.
            return ErrorCatalog.connectFailed(
                    "connect timed out after " + timeout.toMillis() + " ms", ErrorCategory.TIMEOUT);
        }
        if (e instanceof HttpTimeoutException) {
            return ErrorCatalog.timeout(timeout, submit);
        }
        if (e instanceof ConnectException) {
            return ErrorCatalog.connectFailed(detail == null ? "connection refused" : detail, ErrorCategory.NETWORK);
        }
        if (e instanceof SSLHandshakeException) {
            // The TLS handshake precedes the request: nothing was sent.
            return ErrorCatalog.connectFailed("TLS handshake failed: " + detail, ErrorCategory.NETWORK);
        }
        return ErrorCatalog.connectionDropped(
                e.getClass().getSimpleName() + (detail == null ? "" : ": " + detail), submit);
    }

    /** True when an OutOfMemoryError is behind {@code e} (the HTTP client wraps it in an IOException). */
    static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static ApiCall logged(
            ApiAction action,
            String reqKey,
            String taskId,
            java.time.Instant at,
            String status,
            ResponseClassifier.Outcome<?> outcome,
            long elapsedMillis) {
        String code;
        String requestId;
        String task = taskId;
        switch (outcome) {
            case ResponseClassifier.Outcome.Success<?> s -> {
                code = Long.toString(ResponseClassifier.SUCCESS);
                switch (s.value()) {
                    case SubmitResult r -> {
                        requestId = r.requestId();
                        task = r.taskId();
                    }
                    case TaskResult r -> requestId = r.requestId();
                    default -> requestId = null;
                }
            }
            case ResponseClassifier.Outcome.Failure<?> f -> {
                code = safeCode(f.error().code());
                requestId = f.error().requestId();
            }
        }
        return new ApiCall(at, action, reqKey, task, requestId, status, code, elapsedMillis);
    }

    /** Codes come from the server; keep only characters a code can have. */
    private static String safeCode(String code) {
        String safe = code == null ? "" : code.replaceAll("[^A-Za-z0-9_.-]", "");
        return safe.isEmpty() ? "?" : safe.substring(0, Math.min(safe.length(), 40));
    }

    private static byte[] serialize(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request bodies are plain records and maps", e);
        }
    }

    /** The Host header exactly as the JDK client writes it: the port only when not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        boolean defaultPort = port == -1 || (https ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static URI checkBaseUrl(URI url) {
        Objects.requireNonNull(url, "baseUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the API URL must start with http:// or https://, got " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("the API URL has no host name: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "the API URL must not have a query, fragment or user name: " + url.getHost());
        }
        return url;
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException(name + " is not set: export it (Volcengine console → Access keys), "
                + "or run with --sandbox to try jimeng without an account");
    }

    /** Removes the secret, the session token and the signature from text that came back from outside. */
    private record Redactor(Credentials credentials, String authorization) {
        String redact(String text) {
            return SecretText.without(text, secrets()); // and any signed URL the server quoted back
        }

        ApiError redact(ApiError e) {
            return new ApiError(
                    e.code(),
                    e.httpStatus(),
                    e.category(),
                    e.retry(),
                    redact(e.message()),
                    redact(e.hint()),
                    e.requestId(),
                    e.mayHaveReachedServer());
        }

        private List<String> secrets() {
            String signature = authorization == null || !authorization.contains("Signature=")
                    ? null
                    : authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
            return Arrays.asList(credentials.secretAccessKey(), credentials.sessionToken(), signature);
        }
    }
}
