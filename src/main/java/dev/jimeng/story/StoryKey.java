package dev.jimeng.story;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The group id of a storyboard: the same for every run of the same file (by its absolute path), so
 * a run after a crash or a failure finds the jobs the earlier runs made instead of paying for them
 * again. Eight characters of the journal's id alphabet, like every group id.
 */
public final class StoryKey {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private StoryKey() {}

    public static String of(Path storyboard) {
        String where = storyboard.toAbsolutePath().normalize().toString();
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(where.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt((hash[i] & 0xFF) % ALPHABET.length()));
        }
        return id.toString();
    }
}
