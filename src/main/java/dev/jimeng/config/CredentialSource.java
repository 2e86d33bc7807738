package dev.jimeng.config;

import java.util.Optional;

/**
 * Which credentials the active profile uses and where each part came from, without the secrets:
 * what {@code config list}, {@code profile show} and {@code doctor} print. The access key id is not a
 * secret (it is sent in every request); the secret key and session token are never held here.
 *
 * @param accessKey the access key id, or empty when none is configured
 * @param secretKey where the secret key comes from (a keychain means it is looked up on use), or empty
 * @param sessionToken where the STS session token comes from, or empty when there is none
 */
public record CredentialSource(
        String profile,
        Optional<String> accessKey,
        Optional<Origin> accessKeyOrigin,
        Optional<Origin> secretKey,
        Optional<Origin> sessionToken) {

    /** Whether both halves of a key pair are configured. */
    public boolean complete() {
        return accessKey.isPresent() && secretKey.isPresent();
    }

    /** {@code AKLT…9f3a}: enough to recognise a key, not to use it. */
    public Optional<String> maskedAccessKey() {
        return accessKey.map(CredentialSource::mask);
    }

    /** An access key id shortened to its first and last four characters. */
    public static String mask(String accessKey) {
        return accessKey.length() <= 8
                ? "***"
                : accessKey.substring(0, 4) + "…" + accessKey.substring(accessKey.length() - 4);
    }

    /** One line: "profile work: access key AKLT…9f3a (credentials file …), secret key (keychain …)". */
    public String describe() {
        return "profile " + profile + ": " + keys();
    }

    /** The keys alone: "access key AKLT…9f3a (credentials file …), secret key (keychain …)", or "no credentials". */
    public String keys() {
        if (accessKey.isEmpty() && secretKey.isEmpty()) {
            return "no credentials";
        }
        return "access key "
                + maskedAccessKey().orElse("(none)")
                + accessKeyOrigin.map(o -> " (" + o.describe() + ")").orElse("")
                + ", secret key " + secretKey.map(o -> "(" + o.describe() + ")").orElse("(none)")
                + sessionToken
                        .map(o -> ", session token (" + o.describe() + ")")
                        .orElse("");
    }
}
