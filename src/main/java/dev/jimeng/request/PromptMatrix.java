package dev.jimeng.request;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with alternatives, {@code "a {red|blue} fox in {snow|rain}"}, and every prompt it stands
 * for, in order (the first brace varies slowest). Braces without a {@code |} are plain text.
 */
public final class PromptMatrix {
    /** More prompts than this from one line is a typo, not a plan: refused before anything is sent. */
    public static final int MAX_PROMPTS = 100;

    private static final Pattern CHOICE = Pattern.compile("\\{([^{}]*\\|[^{}]*)}");

    private PromptMatrix() {}

    /** True when {@code prompt} has at least one {@code {a|b}}. */
    public static boolean isMatrix(String prompt) {
        return prompt != null && CHOICE.matcher(prompt).find();
    }

    /**
     * Every combination of the alternatives; the prompt itself when it has none.
     *
     * @throws IllegalArgumentException when there are more than {@link #MAX_PROMPTS}
     */
    public static List<String> expand(String prompt) {
        List<String> prompts = List.of("");
        Matcher m = CHOICE.matcher(prompt);
        int plain = 0;
        while (m.find()) {
            String before = prompt.substring(plain, m.start());
            String[] options = m.group(1).split("\\|", -1);
            if ((long) prompts.size() * options.length > MAX_PROMPTS) {
                throw new IllegalArgumentException(
                        "the prompt's {a|b} choices make more than " + MAX_PROMPTS + " prompts: use fewer choices");
            }
            List<String> next = new ArrayList<>();
            for (String p : prompts) {
                for (String option : options) {
                    next.add(p + before + option.strip());
                }
            }
            prompts = next;
            plain = m.end();
        }
        String tail = prompt.substring(plain);
        return prompts.stream().map(p -> p + tail).toList();
    }

    /**
     * One line for a set of prompts, the inverse of {@link #expand} word by word: the prompt itself
     * when all are the same, {@code "a {red|blue} fox in {snow|rain}"} when they differ in words at
     * the same places, else the first prompt and how many others there are. Nulls count as empty.
     */
    public static String collapse(List<String> prompts) {
        List<String> distinct =
                prompts.stream().map(p -> p == null ? "" : p.strip()).distinct().toList();
        if (distinct.size() <= 1) {
            return distinct.isEmpty() ? "" : distinct.getFirst();
        }
        List<String[]> words = distinct.stream().map(p -> p.split("\\s+")).toList();
        int length = words.getFirst().length;
        if (words.stream().anyMatch(w -> w.length != length)) {
            return distinct.getFirst() + " (+" + (distinct.size() - 1) + " more)";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            java.util.LinkedHashSet<String> options = new java.util.LinkedHashSet<>();
            for (String[] w : words) {
                options.add(w[i]);
            }
            out.add(options.size() == 1 ? options.getFirst() : "{" + String.join("|", options) + "}");
        }
        return String.join(" ", out);
    }
}
