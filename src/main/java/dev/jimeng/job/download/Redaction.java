package dev.jimeng.job.download;

import dev.jimeng.text.SecretText;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps signed query strings (tokens, signatures) out of messages. */
public final class Redaction {
    private static final String HIDDEN = "<redacted>";

    private Redaction() {}

    /** {@code scheme://host[:port]/path}: no user info, query or fragment. */
    public static String redact(URI url) {
        if (url == null) {
            return "<no url>";
        }
        if (url.isOpaque() || url.getHost() == null) {
            return (url.getScheme() == null ? "" : url.getScheme() + ":") + HIDDEN;
        }
        StringBuilder out = new StringBuilder();
        out.append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            out.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        return out.toString();
    }

    /**
     * A URL as the server sent it, for a message, whether or not it parses: {@code https://ho st/v.mp4?…}
     * keeps its token out just as a valid one does.
     */
    public static String redact(String url) {
        return SecretText.url(url);
    }

    /** The text on one line, with the URL's secret parts (query, user info, fragment) replaced. */
    static String scrub(String text, URI url) {
        if (text == null) {
            return "";
        }
        String clean = text.replace('\r', ' ').replace('\n', ' ').replace(url.toString(), redact(url));
        for (String secret : secretsOf(url)) {
            clean = clean.replace(secret, HIDDEN);
        }
        return SecretText.scrub(clean);
    }

    /**
     * A short "Type: message" for an exception from the HTTP stack, scrubbed. The JDK's body stream
     * says only "closed" and keeps the reason (e.g. "fixed content-length: …") in its cause.
     */
    static String describe(Throwable error, URI url) {
        Throwable telling = error;
        while ("closed".equals(telling.getMessage()) && telling.getCause() != null) {
            telling = telling.getCause();
        }
        String message = telling.getMessage();
        String text = telling.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return scrub(text, url);
    }

    /**
     * The exception itself when no message in its cause chain mentions a secret part of the URL,
     * otherwise a scrubbed stand-in with the same stack trace, so it can be attached as a cause safely.
     */
    static Throwable safeCause(Throwable error, URI url) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (mentionsSecret(t.getMessage(), url)) {
                IOException standIn = new IOException(describe(error, url));
                standIn.setStackTrace(error.getStackTrace());
                return standIn;
            }
        }
        return error;
    }

    private static boolean mentionsSecret(String text, URI url) {
        return text != null && secretsOf(url).stream().anyMatch(text::contains);
    }

    private static List<String> secretsOf(URI url) {
        List<String> secrets = new ArrayList<>();
        for (String part : new String[] {url.getRawQuery(), url.getRawUserInfo(), url.getRawFragment()}) {
            if (part != null && !part.isEmpty()) {
                secrets.add(part);
                secrets.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        return secrets;
    }
}
