package dev.jimeng.api;

import dev.jimeng.text.SecretText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy the usual variables ask for ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY},
 * upper or lower case, as curl reads them): the JDK's HTTP client reads only system properties, so
 * without this a user behind a proxy could not reach the API at all.
 *
 * @param https the proxy for https URLs, or null
 * @param http the proxy for http URLs, or null
 * @param noProxy host names (and {@code .suffix}es) reached directly; {@code *} means all
 */
public record ProxyVariables(URI https, URI http, List<String> noProxy) {
    public static final ProxyVariables NONE = new ProxyVariables(null, null, List.of());

    public static ProxyVariables from(Map<String, String> env) {
        String noProxy = first(env, "NO_PROXY", "no_proxy");
        return new ProxyVariables(
                parse(first(env, "HTTPS_PROXY", "https_proxy")),
                parse(first(env, "HTTP_PROXY", "http_proxy")),
                noProxy == null
                        ? List.of()
                        : Arrays.stream(noProxy.split(","))
                                .map(String::strip)
                                .filter(h -> !h.isEmpty())
                                .map(h -> h.toLowerCase(Locale.ROOT))
                                .toList());
    }

    public boolean any() {
        return https != null || http != null;
    }

    /** The proxy a call to {@code target} goes through, if any. */
    public Optional<URI> proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        URI proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        return proxy == null || bypassed(target.getHost()) ? Optional.empty() : Optional.of(proxy);
    }

    /** For the JDK client: null when no variable is set, so its own defaults (system properties) stay. */
    public ProxySelector selector() {
        if (!any()) {
            return null;
        }
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return proxyFor(uri)
                        .map(p -> List.of(new Proxy(
                                Proxy.Type.HTTP,
                                InetSocketAddress.createUnresolved(p.getHost(), p.getPort() == -1 ? 80 : p.getPort()))))
                        .orElse(List.of(Proxy.NO_PROXY));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // one attempt per call: the caller reports the failure
            }
        };
    }

    /** A proxy URL for display: without its user name and password. */
    public static String shown(URI proxy) {
        return SecretText.url(proxy.toString());
    }

    private boolean bypassed(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String suffix = entry.startsWith(".") ? entry : "." + entry;
            if (entry.equals("*") || h.equals(entry) || h.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** {@code host:port} or a URL; null for nothing or something without a host. */
    private static URI parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value.contains("://") ? value : "http://" + value);
            return uri.getHost() == null ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
