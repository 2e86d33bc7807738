package dev.jimeng.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AI agent's side of {@code jimeng mcp}: the MCP SDK's own client, starting the packaged jar as a
 * subprocess over stdio, as Claude or Cursor would.
 */
final class AgentClient implements AutoCloseable {
    private final McpSyncClient client;

    private AgentClient(McpSyncClient client) {
        this.client = client;
    }

    /** Starts {@code java -jar jimeng.jar ARGS} with {@code env} (and only the SDK's safe defaults besides). */
    static AgentClient start(Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                JimengProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ServerParameters parameters =
                ServerParameters.builder(java).args(command).env(env).build();
        McpSyncClient client = McpClient.sync(
                        new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper())))
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new AgentClient(client);
    }

    McpSyncClient sdk() {
        return client;
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(c -> ((TextContent) c).text())
                .findFirst()
                .orElse("");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> error(CallToolResult result) {
        return Optional.ofNullable((Map<String, Object>) structured(result).get("error"));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
