package dev.jimeng.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox as CLI tests use it: a task is done 0.3 s after its submit, limits are out of the
 * way, and videos come from the default cache (each size is encoded once per machine).
 */
final class CliSandbox {
    static final String SUBMIT = "CVSync2AsyncSubmitTask";

    private CliSandbox() {}

    static SandboxServer start() {
        try {
            return SandboxServer.start(SandboxConfig.builder()
                    .queueDuration(Duration.ofMillis(100))
                    .generateDuration(Duration.ofMillis(200))
                    .qpsLimit(1000)
                    .concurrencyLimit(100)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The submits the sandbox received, oldest first. */
    static List<LoggedRequest> submits(SandboxServer server) {
        return server.requests().stream().filter(r -> r.target().equals(SUBMIT)).toList();
    }

    /** The (redacted) bodies of the submits the sandbox received, oldest first. */
    static List<JsonNode> submitBodies(SandboxServer server) {
        return server.requests().stream()
                .filter(r -> r.target().equals(SUBMIT))
                .map(LoggedRequest::body)
                .toList();
    }
}
