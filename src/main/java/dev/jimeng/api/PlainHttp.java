package dev.jimeng.api;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS set-up of a client that only ever speaks plain HTTP (the sandbox on 127.0.0.1). The JDK
 * HttpClient always takes an SSLContext, and the default one parses the JDK's 150 CA certificates
 * first: 20 ms of CPU at every start against the sandbox, for nothing. This one trusts no server,
 * so it could never complete a handshake even if the client were sent to an https URL.
 */
final class PlainHttp {
    static final SSLContext NO_TLS = trustingNobody();

    private PlainHttp() {}

    private static SSLContext trustingNobody() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[0], null); // no trust manager: every certificate refused
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
