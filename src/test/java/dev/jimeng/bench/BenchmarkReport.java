package dev.jimeng.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's findings, kept as markdown sections and one JSON object, written side by side. */
final class BenchmarkReport {
    private final List<String> markdown = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private final ObjectNode json = Json.MAPPER.createObjectNode();

    BenchmarkReport(String title, String machine) {
        markdown.add("# " + title);
        markdown.add("");
        markdown.add("Measured " + Instant.now() + " on " + machine + ".");
        json.put("measured_at", Instant.now().toString());
        json.put("machine", machine);
    }

    synchronized void section(String heading, List<String> lines) {
        markdown.add("");
        markdown.add("## " + heading);
        markdown.add("");
        markdown.addAll(lines);
    }

    /** One line of the summary that opens the report. */
    synchronized void summary(String line) {
        summary.add("- " + line);
    }

    /** The JSON object for {@code key}, created on first use. */
    synchronized ObjectNode json(String key) {
        return json.has(key) ? (ObjectNode) json.get(key) : json.putObject(key);
    }

    synchronized void write(Path markdownFile) throws IOException {
        Files.createDirectories(markdownFile.toAbsolutePath().getParent());
        List<String> all = new ArrayList<>(markdown.subList(0, 3));
        if (!summary.isEmpty()) {
            all.addAll(List.of("", "## Summary", ""));
            all.addAll(summary);
        }
        all.addAll(markdown.subList(3, markdown.size()));
        Files.writeString(markdownFile, String.join("\n", all) + "\n", StandardCharsets.UTF_8);
        String name = markdownFile.getFileName().toString().replaceFirst("\\.md$", "") + ".json";
        Files.writeString(
                markdownFile.resolveSibling(name),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                StandardCharsets.UTF_8);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
