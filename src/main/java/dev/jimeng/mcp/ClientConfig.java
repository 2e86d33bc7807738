package dev.jimeng.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON snippet that registers {@code jimeng mcp} with an agent: Claude (Desktop and Code),
 * Cursor, or any client that launches a stdio server. It names the launcher by its absolute path,
 * so it works whatever the agent's working directory and PATH.
 */
public final class ClientConfig {
    public static final List<String> CLIENTS = List.of("claude", "cursor", "generic");

    /** Set by the {@code jimeng} launcher script to its own absolute path. */
    static final String LAUNCHER_VARIABLE = "JIMENG_LAUNCHER";

    private ClientConfig() {}

    /**
     * @param command the launcher and its arguments up to (not including) {@code mcp}
     * @param serverArguments what follows: {@code mcp} and its options
     */
    public static String snippet(String client, List<String> command, List<String> serverArguments) {
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        args.addAll(serverArguments);
        ObjectNode server = Json.MAPPER.createObjectNode();
        ObjectNode root = Json.MAPPER.createObjectNode();
        switch (client) {
            case "claude", "cursor" -> {
                if (client.equals("cursor")) {
                    server.put("type", "stdio");
                }
                root.putObject("mcpServers").set("jimeng", server);
            }
            case "generic" -> {
                server.put("name", "jimeng");
                server.put("transport", "stdio");
                root = server;
            }
            default ->
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        "unknown client '" + client + "' for --print-config: use one of " + String.join(", ", CLIENTS));
        }
        server.put("command", command.getFirst());
        ArrayNode list = server.putArray("args");
        args.forEach(list::add);
        try {
            return Json.printer().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How to start this jimeng from anywhere: the launcher script when it started us, else this
     * JVM running this jar, both by absolute path.
     */
    public static List<String> launcher(Map<String, String> variables) {
        String script = variables.get(LAUNCHER_VARIABLE);
        if (script != null && !script.isBlank() && Files.isRegularFile(Path.of(script))) {
            return List.of(Path.of(script).toAbsolutePath().toString());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path jar = Path.of(ClientConfig.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return List.of(
                    java,
                    "--enable-native-access=ALL-UNNAMED",
                    "-jar",
                    jar.toAbsolutePath().toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new UserError(
                    ExitCode.INTERNAL, "cannot tell where jimeng is installed (" + e.getMessage() + "): run ./jimeng");
        }
    }
}
