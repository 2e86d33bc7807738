package dev.jimeng.request;

import dev.jimeng.text.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved prompt with {@code {{variables}}}: {@code {{name}}} is required, {@code {{name=default}}} has a
 * default (which may be empty: {@code {{name=}}}). A name appearing several times gets one value; at
 * most one default may be given for it (or the same one each time). Every {@code {{} must open a
 * variable, so a typo in a template is found when it is saved, not when it is used. Rendering happens
 * before a prompt matrix is expanded, so {@code --var "mood={calm|stormy}"} makes a set.
 *
 * @param name the template's name
 * @param text the prompt with its variables
 * @param options the generate options it carries (null fields: not set by the template)
 */
public record PromptTemplate(String name, String text, GenerationRequest options) {
    /** {@code {{ name }}} or {@code {{ name = default }}}; a default cannot hold a brace. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(?:=([^{}]*))?}}");

    private static final GenerationRequest NO_OPTIONS =
            new GenerationRequest(null, null, null, null, null, null, null, null, null);

    /** One variable: {@code defaultValue} null when it is required. */
    public record Variable(String name, String defaultValue) {
        public boolean required() {
            return defaultValue == null;
        }
    }

    /**
     * A template whose text is checked.
     *
     * @throws InvalidRequestException naming a broken {@code {{} or two defaults of one variable
     */
    public PromptTemplate {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(
                    InvalidRequestException.FIELD_PROMPT,
                    "template " + name + " has no prompt; give one like \"a {{animal}} in {{weather=snow}}\"");
        }
        variablesOf(name, text);
    }

    /** This template without a saved seed: for a set whose seeds are chosen by --variants or --seeds. */
    public PromptTemplate withoutSeed() {
        if (options == null || options.seed() == null) {
            return this;
        }
        GenerationRequest o = options;
        return new PromptTemplate(
                name,
                text,
                new GenerationRequest(
                        o.mode(),
                        o.prompt(),
                        o.durationSeconds(),
                        o.fps(),
                        o.aspectRatio(),
                        o.images(),
                        null,
                        o.template(),
                        o.cameraStrength()));
    }

    /** The variables in order of first use. */
    public List<Variable> variables() {
        return List.copyOf(variablesOf(name, text).values());
    }

    /**
     * {@code typed} with the rendered prompt and the template's options where {@code typed} has none,
     * recorded as made by this template.
     *
     * @throws InvalidRequestException naming an unknown variable (and the closest one) or the required
     *     ones not given
     */
    public GenerationRequest apply(GenerationRequest typed, Map<String, String> given) {
        Map<String, Variable> variables = variablesOf(name, text);
        for (String key : given.keySet()) {
            if (!variables.containsKey(key)) {
                List<String> names = List.copyOf(variables.keySet());
                String hint = Spelling.closest(key, names)
                        .map(c -> "did you mean '" + c + "'? ")
                        .orElse("");
                throw new InvalidRequestException(
                        InvalidRequestException.FIELD_PROMPT,
                        "template " + name + " has no variable '" + key + "'; " + hint
                                + (names.isEmpty() ? "it has none" : "it has: " + String.join(", ", names)));
            }
        }
        List<String> missing = variables.values().stream()
                .filter(v -> v.required() && !given.containsKey(v.name()))
                .map(Variable::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(
                    InvalidRequestException.FIELD_PROMPT,
                    "template " + name + " needs " + String.join(" and ", missing) + ": give "
                            + String.join(
                                    " ",
                                    missing.stream()
                                            .map(m -> "--var " + m + "=…")
                                            .toList()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        variables.values().forEach(v -> values.put(v.name(), given.getOrDefault(v.name(), v.defaultValue())));
        String prompt = VARIABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
        GenerationRequest o = options == null ? NO_OPTIONS : options;
        return new GenerationRequest(
                        or(typed.mode(), o.mode()),
                        prompt,
                        or(typed.durationSeconds(), o.durationSeconds()),
                        or(typed.fps(), o.fps()),
                        or(typed.aspectRatio(), o.aspectRatio()),
                        typed.images().isEmpty() ? o.images() : typed.images(),
                        or(typed.seed(), o.seed()),
                        or(typed.template(), o.template()),
                        or(typed.cameraStrength(), o.cameraStrength()))
                .withPromptTemplate(new TemplateUse(name, values));
    }

    private static <T> T or(T typed, T saved) {
        return typed != null ? typed : saved;
    }

    private static Map<String, Variable> variablesOf(String name, String text) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text);
        int end = 0;
        List<String> problems = new ArrayList<>();
        while (m.find()) {
            checkNoStrayBraces(name, text, end, m.start());
            end = m.end();
            String var = m.group(1);
            String value = m.group(2) == null ? null : m.group(2).strip();
            Variable before = variables.get(var);
            if (before == null || (before.required() && value != null)) {
                variables.put(var, new Variable(var, value));
            } else if (value != null && !value.equals(before.defaultValue())) {
                problems.add(var);
            }
        }
        checkNoStrayBraces(name, text, end, text.length());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    InvalidRequestException.FIELD_PROMPT,
                    "template " + name + " gives " + problems.getFirst()
                            + " two different defaults; give its default once, e.g. {{" + problems.getFirst()
                            + "=…}} the first time and {{" + problems.getFirst() + "}} after");
        }
        return variables;
    }

    private static void checkNoStrayBraces(String name, String text, int from, int to) {
        int at = text.indexOf("{{", from);
        if (at >= 0 && at < to) {
            throw new InvalidRequestException(
                    InvalidRequestException.FIELD_PROMPT,
                    "template " + name + " has a '{{' at character " + (at + 1)
                            + " that is not a variable; write {{name}} or {{name=default}} (letters, digits, _ and -)");
        }
    }
}
