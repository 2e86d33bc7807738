package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw bytes {@code jimeng mcp --sandbox} writes on stdout during a whole session, errors and
 * downloads included, are JSON-RPC 2.0 messages, one per line, and nothing else: any stray line
 * (a progress bar, a log, a notice) would break the agent's connection. The test is its own client
 * so that it sees every byte, not what an SDK chose to parse.
 */
class McpStdoutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SESSION = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void stdoutCarriesOnlyProtocolMessagesThroughAWholeSession() throws Exception {
        Path stdout = dir.resolve("stdout.bin");
        Path stderr = dir.resolve("stderr.txt");
        Map<String, String> env = new HashMap<>();
        env.put("JIMENG_HOME", dir.resolve("home").toString());
        env.put("JIMENG_OUTPUT_DIR", dir.resolve("videos").toString());
        env.put("JIMENG_VIDEO_POLL_INTERVAL", "0.1");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        JimengProcess.jar().toAbsolutePath().toString(),
                        "mcp",
                        "--sandbox")
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_") || k.startsWith("XDG_"));
        builder.environment().putAll(env);
        Process server = builder.start();
        try (OutputStream in = server.getOutputStream()) {
            send(
                    in,
                    request(
                            1,
                            "initialize",
                            Map.of(
                                    "protocolVersion", "2024-11-05",
                                    "capabilities", Map.of(),
                                    "clientInfo", Map.of("name", "raw", "version", "1"))));
            awaitAnswers(stdout, stderr, Set.of(1));
            send(in, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(in, request(2, "tools/list", Map.of()));
            send(in, call(3, "generate", Map.of("prompt", "a lighthouse at dusk")));
            send(in, call(4, "quote", Map.of("mode", "t2v_72p", "prompt", "x"))); // an error
            send(in, call(5, "status", Map.of("job_id", "nosuchjob"))); // another
            send(in, call(6, "no_such_tool", Map.of()));
            awaitAnswers(stdout, stderr, Set.of(2, 3, 4, 5, 6));
            String job = jobIdOf(stdout, 3);
            send(in, call(7, "wait", Map.of("job_id", job, "timeout_seconds", 120)));
            awaitAnswers(stdout, stderr, Set.of(7));
            send(in, call(8, "download", Map.of("job_id", job)));
            send(in, call(9, "result", Map.of("job_id", job)));
            send(in, call(10, "spend", Map.of()));
            send(in, call(11, "modes", Map.of()));
            send(in, request(12, "resources/list", Map.of()));
            awaitAnswers(stdout, stderr, Set.of(8, 9, 10, 11, 12));
            String video = videoUri(stdout);
            send(in, request(13, "resources/read", Map.of("uri", video))); // the video itself, base64
            send(in, call(14, "cancel", Map.of("job_id", job))); // refused: it has ended
            awaitAnswers(stdout, stderr, Set.of(13, 14));
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("the server ends when its stdin closes")
                .isTrue();

        byte[] bytes = Files.readAllBytes(stdout);
        String all = new String(bytes, StandardCharsets.UTF_8);
        assertThat(all).endsWith("\n");
        List<JsonNode> messages = new ArrayList<>();
        for (String line : all.split("\n", -1)) {
            if (line.isEmpty()) {
                continue; // after the last newline
            }
            JsonNode message = JSON.readTree(line);
            assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            assertThat(message.has("result") || message.has("error") || message.has("method"))
                    .as(line)
                    .isTrue();
            messages.add(message);
        }
        assertThat(all.split("\n")).hasSameSizeAs(messages.toArray()); // no blank lines between
        Set<Integer> answered = new TreeSet<>();
        messages.stream()
                .filter(m -> m.has("id"))
                .forEach(m -> answered.add(m.get("id").asInt()));
        assertThat(answered).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(answer(messages, 4).at("/result/isError").asBoolean()).isTrue();
        assertThat(answer(messages, 4).at("/result/content/0/text").asText())
                .startsWith("bad_input: unknown mode 't2v_72p'");
        assertThat(answer(messages, 3).at("/result/content/0/text").asText()).contains("sandbox, not billed");
        assertThat(answer(messages, 13).at("/result/contents/0/mimeType").asText())
                .isEqualTo("video/mp4");
        assertThat(answer(messages, 13).at("/result/contents/0/blob").asText()).isNotEmpty();
    }

    private static JsonNode answer(List<JsonNode> messages, int id) {
        return messages.stream()
                .filter(m -> m.path("id").asInt(-1) == id)
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> request(int id, String method, Map<String, Object> params) {
        return Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params);
    }

    private static Map<String, Object> call(int id, String tool, Map<String, Object> arguments) {
        return request(id, "tools/call", Map.of("name", tool, "arguments", arguments));
    }

    private static void send(OutputStream in, Map<String, Object> message) throws IOException {
        in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits until stdout holds an answer to each of these request ids (a client waits before it hangs up). */
    private static void awaitAnswers(Path stdout, Path stderr, Set<Integer> ids) {
        Await.until(
                SESSION,
                "answers to " + ids,
                () -> answeredIds(stdout).containsAll(ids),
                () -> read(stdout) + "\n--- stderr ---\n" + read(stderr));
    }

    private static Set<Integer> answeredIds(Path stdout) {
        Set<Integer> ids = new TreeSet<>();
        for (String line : read(stdout).split("\n")) {
            try {
                JsonNode m = JSON.readTree(line);
                if (m != null && m.has("id")) {
                    ids.add(m.get("id").asInt());
                }
            } catch (IOException e) {
                // a line still being written
            }
        }
        return ids;
    }

    private static String jobIdOf(Path stdout, int id) throws IOException {
        for (String line : read(stdout).split("\n")) {
            JsonNode m = JSON.readTree(line);
            if (m.path("id").asInt(-1) == id) {
                return m.at("/result/structuredContent/job_id").asText();
            }
        }
        throw new AssertionError("no answer " + id);
    }

    private static String videoUri(Path stdout) throws IOException {
        for (String line : read(stdout).split("\n")) {
            JsonNode m = JSON.readTree(line);
            for (JsonNode r : m.at("/result/resources")) {
                if ("video/mp4".equals(r.path("mimeType").asText())) {
                    return r.get("uri").asText();
                }
            }
        }
        throw new AssertionError("no video resource listed");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
