package dev.jimeng.mcp;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.text.Spelling;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one tool call, read with the tool's schema: an unknown key (with the closest
 * valid one) or a value of the wrong type is one line naming the fix, as on the command line.
 * Values the capability table decides (a mode's durations, ...) are left to the request validator,
 * which says the same as for the CLI.
 */
final class ToolArguments {
    private final Map<String, Object> values;

    ToolArguments(ToolSpecs.Spec tool, Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
        @SuppressWarnings("unchecked")
        Set<String> known = ((Map<String, Object>) tool.inputSchema().get("properties")).keySet();
        for (String key : this.values.keySet()) {
            if (!known.contains(key)) {
                String hint = Spelling.closest(key, List.copyOf(known))
                        .map(k -> " — did you mean '" + k + "'?")
                        .orElse(known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")");
                throw bad("unknown argument '" + key + "' for " + tool.name() + hint);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) tool.inputSchema().get("required");
        for (String key : required) {
            if (this.values.get(key) == null) {
                throw bad(tool.name() + " needs " + key);
            }
        }
    }

    String string(String key) {
        Object v = values.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw bad(key + " must be a string, got " + v);
    }

    List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw bad(key + " must be a list of strings, got " + v);
    }

    Integer integer(String key) {
        Long v = longValue(key);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw bad(key + " is out of range: " + v);
        }
        return v == null ? null : v.intValue();
    }

    Long longValue(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw bad(key + " must be a whole number, got " + v);
    }

    BigDecimal amount(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw bad(key + " must be an amount of CNY (a number), got " + v);
        }
        BigDecimal amount = new BigDecimal(n.toString());
        if (amount.signum() < 0) {
            throw bad(key + " must be an amount of CNY of at least 0, got " + amount);
        }
        return amount;
    }

    boolean flag(String key) {
        Object v = values.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw bad(key + " must be true or false, got " + v);
    }

    /** The request as given; what is missing is filled from the settings, then the defaults. */
    GenerationRequest request() {
        String image = string("image");
        String tail = string("tail_image");
        if (tail != null && image == null) {
            throw bad("tail_image needs image too: give the first frame as image");
        }
        List<String> images = new ArrayList<>();
        if (image != null) {
            images.add(image);
        }
        if (tail != null) {
            images.add(tail);
        }
        return new GenerationRequest(
                string("mode"),
                string("prompt"),
                integer("duration"),
                integer("fps"),
                string("aspect_ratio"),
                images,
                longValue("seed"),
                string("template"),
                string("camera_strength"));
    }

    private static UserError bad(String message) {
        return new UserError(ExitCode.BAD_INPUT, message);
    }
}
