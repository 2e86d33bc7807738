package dev.jimeng.mp4;

/**
 * One box inside a byte array.
 *
 * @param type the four-character type (Latin-1, so {@code ©cmt} reads as written)
 * @param start where its header starts
 * @param payload where its payload starts (after the 8- or 16-byte header)
 * @param end one past its last byte
 */
public record Box(String type, int start, int payload, int end) {}
