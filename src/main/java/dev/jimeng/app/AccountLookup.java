package dev.jimeng.app;

import dev.jimeng.api.HttpJimengApi;
import dev.jimeng.config.JimengPaths;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the real API's account comes from: the one seam between "which keys" and everything that
 * uses them (the client, {@code doctor}, the redaction of logs). The app uses {@link ProfileAccounts}
 * (the active profile: environment, stored login, keychain or config.toml); {@link #environment} reads
 * the environment alone.
 */
public interface AccountLookup {
    /** The account as far as it is set, without secrets. */
    ApiAccount describe();

    /**
     * A client for the account.
     *
     * @throws IllegalArgumentException naming what is missing or wrong and the fix
     */
    HttpJimengApi client(Clock clock);

    /** The secret values a log or report must never show (secret key, session token). */
    List<String> secrets();

    /** The environment's variables, as the seed script reads them. */
    static AccountLookup environment(Map<String, String> env, JimengPaths paths) {
        return new AccountLookup() {
            @Override
            public ApiAccount describe() {
                String url = value(env, "JIMENG_VIDEO_API_URL");
                URI endpoint;
                try {
                    endpoint = url == null ? HttpJimengApi.DEFAULT_BASE_URL : URI.create(url);
                } catch (IllegalArgumentException e) {
                    endpoint = null;
                }
                return new ApiAccount(
                        value(env, "VOLC_ACCESSKEY"),
                        origin(env, "VOLC_ACCESSKEY"),
                        origin(env, "VOLC_SECRETKEY"),
                        origin(env, "VOLC_SESSION_TOKEN"),
                        endpoint,
                        url == null ? "default" : "environment JIMENG_VIDEO_API_URL",
                        List.of(paths.configFile()));
            }

            @Override
            public HttpJimengApi client(Clock clock) {
                return HttpJimengApi.fromEnvironment(env, clock);
            }

            @Override
            public List<String> secrets() {
                List<String> secrets = new ArrayList<>();
                for (String name : List.of("VOLC_SECRETKEY", "VOLC_SESSION_TOKEN")) {
                    String v = value(env, name);
                    if (v != null) {
                        secrets.add(v);
                    }
                }
                return secrets;
            }
        };
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String origin(Map<String, String> env, String name) {
        return value(env, name) == null ? null : "environment " + name;
    }
}
