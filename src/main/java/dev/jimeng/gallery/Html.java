package dev.jimeng.gallery;

/** Text made safe inside HTML elements and double-quoted attributes: prompts are hostile data. */
final class Html {
    private Html() {}

    /**
     * {@code s} with the five markup characters as entities, and characters HTML forbids (controls
     * other than tab and newline, lone surrogates, noncharacters) as U+FFFD; null is empty.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (forbidden(cp)) {
                        b.append('\uFFFD');
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean forbidden(int cp) {
        return (cp < 0x20 && cp != '\t' && cp != '\n')
                || (cp >= 0x7F && cp <= 0x9F)
                || Character.isSurrogate((char) cp) && cp <= 0xFFFF
                || (cp >= 0xFDD0 && cp <= 0xFDEF)
                || (cp & 0xFFFE) == 0xFFFE;
    }
}
