package dev.jimeng.request;

import java.util.Map;

/**
 * Which saved prompt template made a request's prompt, and every variable's value (defaults
 * included): kept in the journal and the sidecar so "which template made this?" has an answer.
 */
public record TemplateUse(String name, Map<String, String> variables) {
    public TemplateUse {
        variables = variables == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
