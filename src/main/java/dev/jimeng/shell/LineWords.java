package dev.jimeng.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits a shell line into the words of a command, the way the line editor does (quotes, escapes).
 * A line that starts with quoted text is a prompt for {@code generate}: {@code "a cat" --duration 10}
 * runs {@code generate "a cat" --duration 10}. Blank lines and {@code #} comments are no command.
 */
final class LineWords {
    private final DefaultParser parser = new DefaultParser();

    LineWords() {
        parser.setEofOnUnclosedQuote(true);
    }

    /**
     * @throws IllegalArgumentException for a line the parser cannot split (an unclosed quote)
     */
    List<String> split(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        List<String> words;
        try {
            words = new ArrayList<>(parser.parse(trimmed, trimmed.length(), ParseContext.ACCEPT_LINE)
                    .words());
        } catch (EOFError e) {
            throw new IllegalArgumentException("unfinished line: " + e.getMessage() + " (close the quote)");
        }
        if (!words.isEmpty() && (trimmed.startsWith("\"") || trimmed.startsWith("'"))) {
            words.add(0, "generate");
        }
        return List.copyOf(words);
    }
}
