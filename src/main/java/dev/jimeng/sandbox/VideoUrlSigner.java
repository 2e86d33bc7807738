package dev.jimeng.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the signed, expiring video URLs. The token is an HMAC of task id and expiry
 * under a key that lives only in this sandbox's memory, so a changed expiry is caught.
 */
final class VideoUrlSigner {
    private final byte[] key = new byte[32];

    VideoUrlSigner() {
        new SecureRandom().nextBytes(key);
    }

    String url(String baseUrl, String taskId, Instant expires) {
        long epoch = expires.getEpochSecond();
        return baseUrl + "/videos/" + taskId + ".mp4?X-Expires=" + epoch + "&X-Signature=" + token(taskId, epoch);
    }

    boolean valid(String taskId, long expiresEpoch, String token) {
        return token != null
                && MessageDigest.isEqual(
                        token(taskId, expiresEpoch).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String taskId, long expiresEpoch) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((taskId + ":" + expiresEpoch).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
