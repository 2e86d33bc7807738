package dev.jimeng.text;

/** Small rules every message shares: counted nouns, and an error code joined to its message once. */
public final class Words {
    private Words() {}

    /** {@code 1 character}, {@code 2 characters}: a count and its noun (plural by -s). */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /**
     * {@code CODE: message}, never {@code CODE: CODE: message}: messages made from API errors already
     * begin with their code. Either part may be missing (null or blank).
     */
    public static String codeAndMessage(String code, String message) {
        String m = message == null ? "" : message;
        if (code == null || code.isBlank()) {
            return m;
        }
        if (m.isEmpty()) {
            return code;
        }
        return m.startsWith(code + ":") ? m : code + ": " + m;
    }
}
