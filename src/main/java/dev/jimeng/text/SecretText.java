package dev.jimeng.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes signed-URL secrets from free text: query strings, fragments and user info of anything that
 * looks like a URL, and the value of every signature or token parameter, whether or not the URL
 * around it would parse ({@code https://ho st/v.mp4?token=…}, {@code %zz}, a URL cut in half by an
 * error message). Used for every text that reaches a message or the journal, so a URL that fails to
 * parse can no longer carry its token past the parser-based redaction.
 */
public final class SecretText {
    /** What stands where a secret was. */
    public static final String HIDDEN = "<redacted>";

    /** Shorter values are not replaced: they would blank out ordinary words, and no secret is that short. */
    private static final int MIN_SECRET_LENGTH = 4;

    /** {@code scheme://user:password@}: user info before a host. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^\\s/?#@\"'<>]*@");

    /** The query and fragment of a URL, whatever they hold. */
    private static final Pattern URL_TAIL = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s?#\"'<>]*)[?#][^\\s\"'<>]*");

    /** A query or fragment: {@code ?} or {@code #} followed by something with {@code =} in it, up to a blank or quote. */
    private static final Pattern QUERY = Pattern.compile("([?#])[^\\s\"'<>?#]*=[^\\s\"'<>]*");

    /** The same, percent-encoded ({@code %3F…%3D…}), as in a URL quoted inside another URL. */
    private static final Pattern ENCODED_QUERY = Pattern.compile("(?i)(%3F)[^\\s\"'<>]*%3D[^\\s\"'<>]*");

    /** A signing or token parameter anywhere, e.g. {@code X-Tos-Signature=…}, {@code token=…}. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(?<![a-z0-9])([a-z0-9_-]*(?:token|signature"
            + "|credential|secret|password|passwd|access[_-]?key|session|sig|policy|key-pair-id|auth[a-z]*))"
            + "=(?!" + Pattern.quote(HIDDEN) + ")[^\\s&\"'<>,;]+");

    private SecretText() {}

    /** The text with every URL secret replaced by {@link #HIDDEN}; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + HIDDEN + "@");
        out = URL_TAIL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "?" + HIDDEN);
        out = QUERY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + HIDDEN);
        out = ENCODED_QUERY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + HIDDEN);
        return SECRET_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "=" + HIDDEN);
    }

    /**
     * The text with each of {@code secrets} (a secret key, a session token, a signature: values too
     * short to be a secret are skipped) and every URL secret replaced by {@link #HIDDEN}: the one
     * redaction of everything jimeng prints, logs or bundles.
     */
    public static String without(String text, java.util.Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                out = out.replace(secret, HIDDEN);
            }
        }
        return scrub(out);
    }

    /**
     * A URL given as text, for a message: everything before its query or fragment, without user info,
     * and scrubbed. Works on text that is not a valid URL at all.
     */
    public static String url(String url) {
        if (url == null) {
            return "<no url>";
        }
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String head = url.substring(0, cut);
        int scheme = head.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int pathStart = head.indexOf('/', hostStart);
            int at = head.lastIndexOf('@', pathStart < 0 ? head.length() : pathStart);
            if (at >= hostStart) {
                head = head.substring(0, hostStart) + head.substring(at + 1);
            }
        }
        return scrub(head) + (cut < url.length() ? "?" + HIDDEN : "");
    }
}
