package dev.jimeng.doctor;

import dev.jimeng.api.ProxyVariables;
import dev.jimeng.app.ExitCode;
import dev.jimeng.text.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Whether the endpoint answers, how fast, through which proxy, and how far its clock (its {@code
 * Date} header) is from ours: a V4 signature is refused 15 minutes off, so a warning comes well
 * before, at {@link #WARN_SKEW}, and a problem at {@link #PROBLEM_SKEW}.
 */
final class EndpointCheck implements Check {
    static final Duration WARN_SKEW = Duration.ofSeconds(60);
    static final Duration PROBLEM_SKEW = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final ProxyVariables proxies;
    private final Clock clock;

    EndpointCheck(URI endpoint, ProxyVariables proxies, Clock clock) {
        this.endpoint = endpoint;
        this.proxies = proxies;
        this.clock = clock;
    }

    @Override
    public List<Finding> run() {
        Optional<URI> proxy = proxies.proxyFor(endpoint);
        String via = proxy.map(p -> " via proxy " + ProxyVariables.shown(p)).orElse(" (direct, no proxy)");
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        if (proxies.selector() != null) {
            builder.proxy(proxies.selector());
        }
        Instant sent;
        Instant received;
        HttpResponse<Void> response;
        try (HttpClient http = builder.build()) {
            sent = clock.instant();
            response = http.send(
                    HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            received = clock.instant();
        } catch (IOException e) {
            return List.of(Finding.problem(
                    "endpoint",
                    endpoint + " cannot be reached" + via + ": " + reason(e),
                    "check the network" + (proxy.isPresent() ? " and the proxy" : "")
                            + ", and JIMENG_VIDEO_API_URL (unset it for " + "https://visual.volcengineapi.com)",
                    ExitCode.NETWORK));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.warning("endpoint", "interrupted", "run jimeng doctor again"));
        }
        long millis = Duration.between(sent, received).toMillis();
        Finding reach = Finding.ok(
                "endpoint", endpoint + " answers in " + millis + " ms" + via + " (HTTP " + response.statusCode() + ")");
        return List.of(reach, clock(response, sent, received));
    }

    private Finding clock(HttpResponse<Void> response, Instant sent, Instant received) {
        Optional<String> date = response.headers().firstValue("Date");
        if (date.isEmpty()) {
            return Finding.warning(
                    "clock", "the endpoint sent no Date header: skew unknown", "keep the clock synced (NTP)");
        }
        Instant server;
        try {
            server = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Finding.warning(
                    "clock", "the endpoint's Date header is not a date: skew unknown", "keep the clock synced (NTP)");
        }
        // the server stamped its Date somewhere between sending and receiving: compare with the middle
        Instant ours = sent.plus(Duration.between(sent, received).dividedBy(2));
        Duration skew = Duration.between(server, ours);
        Duration off = skew.abs();
        String summary = off.compareTo(Duration.ofSeconds(2)) < 0
                ? "in step with the endpoint"
                : "this computer's clock is " + Durations.compact(off) + (skew.isNegative() ? " behind" : " ahead of")
                        + " the endpoint's";
        String fix = "sync the clock (e.g. timedatectl set-ntp true, or sudo sntp -sS time.apple.com on macOS):"
                + " requests signed more than 15 min off are refused";
        if (off.compareTo(PROBLEM_SKEW) > 0) {
            return Finding.problem("clock", summary, fix, ExitCode.AUTH);
        }
        if (off.compareTo(WARN_SKEW) > 0) {
            return Finding.warning("clock", summary, fix);
        }
        return Finding.ok("clock", summary);
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        String what = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? what : what + ": " + message;
    }
}
