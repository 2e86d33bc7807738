package dev.jimeng.panel;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * Keys typed after the key that closed the panel (a fast typist's {@code q} then {@code jobs}, or a
 * paste), as the characters the terminal sent, for the shell to read next instead of losing them.
 * Keys without a plain spelling (function keys, Alt chords) are dropped.
 */
final class TypedAhead {
    private final StringBuilder keys = new StringBuilder();

    void add(KeyStroke key) {
        keys.append(spelling(key));
    }

    void add(String characters) {
        keys.append(characters);
    }

    @Override
    public String toString() {
        return keys.toString();
    }

    /** What a terminal sends for {@code key}, or nothing. */
    static String spelling(KeyStroke key) {
        if (key.isAltDown()) {
            return "";
        }
        return switch (key.getKeyType()) {
            case Character -> {
                char c = key.getCharacter();
                yield key.isCtrlDown() ? String.valueOf((char) (Character.toLowerCase(c) & 0x1f)) : String.valueOf(c);
            }
            case Enter -> "\r";
            case Tab -> "\t";
            case Backspace -> "\u007f";
            case ArrowUp -> "\u001b[A";
            case ArrowDown -> "\u001b[B";
            case ArrowRight -> "\u001b[C";
            case ArrowLeft -> "\u001b[D";
            default -> "";
        };
    }
}
