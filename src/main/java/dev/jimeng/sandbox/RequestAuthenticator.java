package dev.jimeng.sandbox;

import com.sun.net.httpserver.Headers;
import dev.jimeng.sandbox.GatewayError.GatewayException;
import dev.jimeng.sign.Credentials;
import dev.jimeng.sign.V4Signer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's Volcengine V4 signature the way the gateway does: the signature is
 * recomputed from the headers the client says it signed, so any header, query or body change
 * after signing is caught. Error messages never contain the expected signature.
 */
final class RequestAuthenticator {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "HMAC-SHA256\\s+Credential=([^/,\\s]+)/([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*");

    private final Credentials credentials;
    private final Clock clock;
    private final Duration maxSkew;
    private final V4Signer signer = new V4Signer();

    RequestAuthenticator(Credentials credentials, Clock clock, Duration maxSkew) {
        this.credentials = credentials;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    void verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body) throws GatewayException {
        String authorization = headers.getFirst("Authorization");
        String xDate = headers.getFirst("X-Date");
        if (authorization == null || authorization.isBlank() || xDate == null) {
            throw GatewayError.MISSING_REQUEST_INFO.with("The request is missing the Authorization or X-Date header.");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw GatewayError.MISSING_REQUEST_INFO.with("The Authorization header is malformed.");
        }
        String accessKey = m.group(1);
        String scope = m.group(2);
        String signedHeaderList = m.group(3).toLowerCase(Locale.ROOT);
        String signature = m.group(4).toLowerCase(Locale.ROOT);

        if (!accessKey.equals(credentials.accessKeyId())) {
            throw GatewayError.INVALID_ACCESS_KEY.with("The access key " + accessKey + " is not known.");
        }
        checkTimestamp(xDate);
        if (!scope.equals(signer.scope(xDate))) {
            throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with(
                    "The credential scope " + scope + " does not match the X-Date and cn-north-1/cv.");
        }
        String payloadHash = V4Signer.sha256Hex(body);
        String claimedHash = headers.getFirst("X-Content-Sha256");
        if (claimedHash != null && !claimedHash.trim().equalsIgnoreCase(payloadHash)) {
            throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with("X-Content-Sha256 does not match the request body.");
        }
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (String name : signedHeaderList.split(";")) {
            String value = headers.getFirst(name);
            if (value == null) {
                throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with("Signed header " + name + " is not in the request.");
            }
            signedHeaders.put(name, value);
        }
        if (!signedHeaders.containsKey("host") || !signedHeaders.containsKey("x-date")) {
            throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with("SignedHeaders must include host and x-date.");
        }
        checkSessionToken(headers, signedHeaders);
        String expected = signer.signature(
                credentials.secretAccessKey(),
                method,
                rawPath,
                decodeQuery(rawQuery),
                signedHeaders,
                payloadHash,
                xDate);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with(
                    "The request signature we calculated does not match the signature you provided.");
        }
    }

    /**
     * Temporary (STS) credentials are only good with their session token: when the sandbox was given
     * one, a request must carry it in X-Security-Token, and sign that header. The message never quotes
     * the expected token.
     */
    private void checkSessionToken(Headers headers, Map<String, String> signedHeaders) throws GatewayException {
        String expected = credentials.sessionToken();
        if (expected == null) {
            return;
        }
        String sent = headers.getFirst("X-Security-Token");
        if (sent == null || sent.isBlank()) {
            throw GatewayError.INVALID_ACCESS_KEY.with("The access key " + credentials.accessKeyId()
                    + " is temporary: the X-Security-Token header" + " is required.");
        }
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.trim().getBytes(StandardCharsets.UTF_8))) {
            throw GatewayError.INVALID_ACCESS_KEY.with("The security token is not valid for this access key.");
        }
        if (!signedHeaders.containsKey("x-security-token")) {
            throw GatewayError.SIGNATURE_DOES_NOT_MATCH.with("SignedHeaders must include x-security-token.");
        }
    }

    private void checkTimestamp(String xDate) throws GatewayException {
        Instant sent;
        try {
            sent = Instant.from(V4Signer.X_DATE.parse(xDate));
        } catch (DateTimeParseException e) {
            throw GatewayError.INVALID_TIMESTAMP.with("X-Date " + xDate + " is not yyyyMMdd'T'HHmmss'Z'.");
        }
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(maxSkew) > 0) {
            throw GatewayError.INVALID_TIMESTAMP.with("X-Date " + xDate + " is more than " + maxSkew.toMinutes()
                    + " minutes from the server time " + V4Signer.X_DATE.format(now) + ".");
        }
    }

    static SortedMap<String, String> decodeQuery(String rawQuery) {
        SortedMap<String, String> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(key), decode(value));
        }
        return query;
    }

    private static String decode(String s) {
        // URLDecoder would turn '+' into a space; in a signed query '+' is a literal plus
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
