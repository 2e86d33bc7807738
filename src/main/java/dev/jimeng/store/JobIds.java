package dev.jimeng.store;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Short job ids: 8 random lowercase base32 characters (40 bits), easy to type and to complete. */
final class JobIds {
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    static final int LENGTH = 8;
    private static final Pattern PREFIX = Pattern.compile("[a-z2-7]{1," + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {}

    static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }

    static boolean isPrefix(String text) {
        return text != null && PREFIX.matcher(text).matches();
    }
}
