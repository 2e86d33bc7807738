package dev.jimeng.sign;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Volcengine V4 request signing (HMAC-SHA256), as pure code: the clock comes in, headers come out.
 * Unlike AWS SigV4 the scope ends in {@code request} and the key derivation has no prefix.
 */
public final class V4Signer {
    public static final String ALGORITHM = "HMAC-SHA256";
    public static final String DEFAULT_REGION = "cn-north-1";
    public static final String DEFAULT_SERVICE = "cv";
    public static final DateTimeFormatter X_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;

    public V4Signer(String region, String service) {
        this.region = region;
        this.service = service;
    }

    public V4Signer() {
        this(DEFAULT_REGION, DEFAULT_SERVICE);
    }

    /**
     * Returns the headers to add to the request: X-Date, X-Content-Sha256, Authorization and, with
     * a session token, X-Security-Token. Host and Content-Type are signed but set by the caller.
     */
    public Map<String, String> sign(Credentials credentials, SigningRequest request, Instant now) {
        String xDate = X_DATE.format(now);
        String payloadHash = sha256Hex(request.body());
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", request.contentType());
        signed.put("host", request.host());
        signed.put("x-content-sha256", payloadHash);
        signed.put("x-date", xDate);
        if (credentials.sessionToken() != null) {
            signed.put("x-security-token", credentials.sessionToken());
        }
        String signature = signature(
                credentials.secretAccessKey(),
                request.method(),
                request.path(),
                request.sortedQuery(),
                signed,
                payloadHash,
                xDate);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Date", xDate);
        headers.put("X-Content-Sha256", payloadHash);
        if (credentials.sessionToken() != null) {
            headers.put("X-Security-Token", credentials.sessionToken());
        }
        headers.put(
                "Authorization",
                ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope(xDate) + ", SignedHeaders="
                        + String.join(";", signed.keySet()) + ", Signature=" + signature);
        return headers;
    }

    /**
     * The hex signature for a request whose signed headers (lowercase name to value, in signing
     * order) are given. The sandbox uses this to verify what a client sent.
     */
    public String signature(
            String secretKey,
            String method,
            String path,
            SortedMap<String, String> query,
            Map<String, String> signedHeaders,
            String payloadHash,
            String xDate) {
        String canonical = canonicalRequest(method, path, query, signedHeaders, payloadHash);
        String stringToSign = stringToSign(xDate, canonical);
        return HEX.formatHex(hmac(signingKey(secretKey, xDate.substring(0, 8)), stringToSign));
    }

    public String scope(String xDate) {
        return xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
    }

    String canonicalRequest(
            String method,
            String path,
            SortedMap<String, String> query,
            Map<String, String> signedHeaders,
            String payloadHash) {
        String canonicalQuery = query.entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, String> h : signedHeaders.entrySet()) {
            headers.append(h.getKey().toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(h.getValue().trim())
                    .append('\n');
        }
        return String.join(
                "\n",
                List.of(
                        method.toUpperCase(Locale.ROOT),
                        path,
                        canonicalQuery,
                        headers.toString(),
                        String.join(";", signedHeaders.keySet()),
                        payloadHash));
    }

    String stringToSign(String xDate, String canonicalRequest) {
        return ALGORITHM + "\n" + xDate + "\n" + scope(xDate) + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    byte[] signingKey(String secretKey, String shortDate) {
        byte[] kDate = hmac(secretKey.getBytes(StandardCharsets.UTF_8), shortDate);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, "request");
    }

    /** RFC 3986 encoding: only {@code A-Z a-z 0-9 - _ . ~} stay literal; hex is uppercase. */
    public static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
