package dev.jimeng.sign;

import java.util.Objects;

/**
 * A Volcengine access key pair, optionally with an STS session token. {@link #toString()} never
 * shows the secret.
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    public Credentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***") + "]";
    }
}
