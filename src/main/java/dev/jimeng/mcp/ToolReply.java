package dev.jimeng.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.Failure;
import dev.jimeng.json.Json;
import dev.jimeng.view.Billing;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tool's answer: text for the model to read, and the same facts as structured content for a
 * program. A refusal or failure is a tool error whose text starts with a code an agent can branch
 * on (the CLI's exit code names: {@code bad_input}, {@code task_failed}, ...), followed by the CLI's
 * one-line message and fix. In the built-in sandbox every answer says that nothing is billed.
 */
final class ToolReply {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Said in every answer of the built-in sandbox. */
    static final String SANDBOX_NOTE = "(built-in " + Billing.SANDBOX + ")";

    private final boolean sandbox;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> structured = new LinkedHashMap<>();
    private final List<Content> extra = new ArrayList<>();

    ToolReply(boolean sandbox) {
        this.sandbox = sandbox;
    }

    ToolReply line(String line) {
        text.append(line).append('\n');
        return this;
    }

    ToolReply put(String key, Object value) {
        structured.put(key, value);
        return this;
    }

    ToolReply content(Content content) {
        extra.add(content);
        return this;
    }

    CallToolResult build() {
        if (sandbox) {
            line(SANDBOX_NOTE);
            structured.put("sandbox", true);
        }
        List<Content> contents = new ArrayList<>();
        contents.add(new TextContent(text.toString().stripTrailing()));
        contents.addAll(extra);
        return CallToolResult.builder()
                .content(contents)
                .structuredContent(structured)
                .isError(false)
                .build();
    }

    /** The name an agent branches on: the exit code's, in lower case ({@code bad_input}). */
    static String code(ExitCode code) {
        return code.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A tool error: {@code code: message}, one line per problem. {@code reason} narrows the code for
     * the agents' own rules ({@code duplicate}, {@code budget_required}), or is null.
     */
    static CallToolResult error(Failure failure, String reason, Map<String, Object> details, boolean sandbox) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(failure.code()));
        error.put("exit_code", failure.code().code());
        if (reason != null) {
            error.put("reason", reason);
        }
        error.put("message", failure.message());
        error.putAll(details);
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("error", error);
        String text = code(failure.code()) + ": " + failure.message();
        if (sandbox) {
            structured.put("sandbox", true);
            text += "\n" + SANDBOX_NOTE;
        }
        return CallToolResult.builder()
                .content(List.of(new TextContent(text)))
                .structuredContent(structured)
                .isError(true)
                .build();
    }

    /** A JSON document of the views ({@code ResultView.json}, ...) as structured content. */
    static Map<String, Object> document(String json) {
        try {
            return Json.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view printed invalid JSON", e);
        }
    }

    static List<Object> documents(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view printed invalid JSON", e);
        }
    }
}
