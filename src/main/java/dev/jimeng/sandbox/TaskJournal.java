package dev.jimeng.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.config.PrivateFiles;
import dev.jimeng.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted tasks as JSON lines, so a sandbox restarted on the same file still answers for them:
 * jimeng's resume after a crash can be tried against the built-in sandbox too. Tasks are only
 * ever added; their state follows from the time since submit.
 */
class TaskJournal {
    static final TaskJournal NONE = new TaskJournal(null);

    private final Path file;

    TaskJournal(Path file) {
        this.file = file;
    }

    List<SandboxTask> load() {
        List<SandboxTask> tasks = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return tasks;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = Json.MAPPER.readTree(line);
                    tasks.add(new SandboxTask(
                            n.get("task_id").asText(),
                            n.get("req_key").asText(),
                            Instant.parse(n.get("submitted_at").asText()),
                            new VideoSpec(
                                    n.get("width").asInt(),
                                    n.get("height").asInt(),
                                    n.get("frames").asInt()),
                            n.get("fails_output_review").asBoolean(),
                            n.hasNonNull("generate_ms")
                                    ? Duration.ofMillis(n.get("generate_ms").asLong())
                                    : null));
                } catch (IOException | RuntimeException e) {
                    // a line cut short by a crash: the tasks before it are still good
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    synchronized void append(SandboxTask task) {
        if (file == null) {
            return;
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("task_id", task.taskId());
        n.put("req_key", task.reqKey());
        n.put("submitted_at", task.submittedAt().toString());
        n.put("width", task.video().width());
        n.put("height", task.video().height());
        n.put("frames", task.video().frames());
        n.put("fails_output_review", task.failsOutputReview());
        if (task.generate() != null) {
            n.put("generate_ms", task.generate().toMillis());
        }
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                PrivateFiles.createFile(file);
            }
            Files.writeString(
                    file, n + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
