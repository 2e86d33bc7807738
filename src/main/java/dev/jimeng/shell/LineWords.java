package dev.jimeng.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
     * For "the fox's den --duration 10", typed without quotes, the apostrophe opened a quote: the line
     * with its prompt (the words after a command, before the first option) in double quotes, which keep
     * an apostrophe.
     */
    private static Optional<String> apostrophe(String line, Predicate<String> isCommand) {
        if (line.contains("\"") || line.startsWith("'")) {
            return Optional.empty();
        }
        List<String> words = List.of(line.split("\\s+"));
        int start = isCommand.test(words.getFirst()) ? 1 : 0;
        int end = promptEnd(words, start);
        String opener = words.stream().filter(w -> w.contains("'")).findFirst().orElse(null);
        if (opener == null || !words.subList(start, end).contains(opener)) {
            return Optional.empty();
        }
        List<String> fixed = new ArrayList<>(words.subList(0, start));
        fixed.add(quote(String.join(" ", words.subList(start, end))));
        fixed.addAll(words.subList(end, words.size()));
        return Optional.of("unfinished line: the ' in \"" + opener + "\" opens a quote that is never"
                + " closed; a prompt with an apostrophe goes in double quotes: " + String.join(" ", fixed));
    }

    /** Where the words of a prompt typed without quotes end: at the first option from {@code start}. */
    static int promptEnd(List<String> words, int start) {
        int end = start;
        while (end < words.size() && !words.get(end).startsWith("-")) {
            end++;
        }
        return end;
    }

    /** {@code word} in double quotes, as this parser reads it back: one word, exactly as given. */
    static String quote(String word) {
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** As {@link #split(String, Predicate)} for a line whose first word is never a command. */
    List<String> split(String line) {
        return split(line, word -> false);
    }

    /**
     * The words of a line, {@code generate} first when it starts with a quote; {@code isCommand} tells a
     * command from the first word of a prompt typed without quotes.
     *
     * @throws IllegalArgumentException for a line the parser cannot split (an unclosed quote)
     */
    List<String> split(String line, Predicate<String> isCommand) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        List<String> words;
        try {
            words = new ArrayList<>(parser.parse(trimmed, trimmed.length(), ParseContext.ACCEPT_LINE)
                    .words());
        } catch (EOFError e) {
            throw new IllegalArgumentException(
                    apostrophe(trimmed, isCommand).orElse("unfinished line: " + e.getMessage() + " (close the quote)"));
        }
        if (!words.isEmpty() && (trimmed.startsWith("\"") || trimmed.startsWith("'"))) {
            words.add(0, "generate");
        }
        return List.copyOf(words);
    }
}
