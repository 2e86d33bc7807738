package dev.jimeng.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.json.Json;
import dev.jimeng.metadata.Sidecar;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.JobGuide;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What made a video, read from the sidecar jimeng wrote next to it (or, without one, from the copy
 * inside the MP4), and the command to make it again.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng inspect video.mp4", "  jimeng inspect video.mp4.json --json"},
        description = "Show what made a video (from the .json sidecar next to it, or the metadata inside the MP4)"
                + " and the command that re-makes it.")
public final class InspectCommand extends BaseCommand {
    private static final String[][] FIELDS = {
        {"prompt", "prompt"},
        {"mode", "mode"},
        {"req_key", "req_key"},
        {"seed", "seed"},
        {"duration", "duration_seconds"},
        {"fps", "fps"},
        {"aspect ratio", "aspect_ratio"},
        {"task id", "task_id"},
        {"request id", "request_id"},
        {"est. cost CNY", "estimated_cost_cny"},
        {"profile", "profile"},
        {"job", "job_id"},
        {"jimeng", "jimeng_version"}
    };

    @Parameters(paramLabel = "FILE", description = "A video jimeng downloaded, or its .json sidecar.")
    String file;

    @Option(names = "--json", description = "Print the sidecar document.")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        Sidecar sidecar = Sidecars.read(app().paths(), file, err());
        if (json) {
            out().println(Json.printer().writeValueAsString(sidecar.document()));
            return ExitCode.OK;
        }
        JsonNode d = sidecar.document();
        for (String[] field : FIELDS) {
            JsonNode value = d.path(field[1]);
            if (!value.isMissingNode() && !value.isNull()) {
                line(field[0], value.asText());
            }
        }
        JsonNode use = d.path("prompt_template");
        if (use.isObject()) {
            java.util.List<String> values = new java.util.ArrayList<>();
            use.path("variables")
                    .properties()
                    .forEach(v -> values.add(v.getKey() + "=" + v.getValue().asText()));
            line(
                    "from template",
                    use.path("name").asText() + (values.isEmpty() ? "" : " (" + String.join(", ", values) + ")"));
        }
        if (sidecar.sandbox()) {
            line("made by", "the built-in sandbox (not billed)");
        }
        if (sidecar.embedded()) {
            line("read from", "inside the MP4 (there is no sidecar)");
        }
        for (JsonNode image : d.path("images")) {
            line(
                    image.path("role").asText().replace('_', ' '),
                    image.path("source").asText()
                            + (image.hasNonNull("sha256")
                                    ? " (sha-256 " + image.get("sha256").asText() + ")"
                                    : ""));
        }
        d.path("times").properties().forEach(t -> {
            if (!t.getValue().isNull()) {
                line(t.getKey(), t.getValue().asText()); // line() makes the key terminal-safe too
            }
        });
        out().println();
        out().println("  "
                + JobGuide.remake(sidecar.request(), app().invocationOf(sidecar.sandbox(), sidecar.profile())));
        return ExitCode.OK;
    }

    private void line(String label, String value) {
        out().printf("  %-13s %s%n", TerminalText.oneLine(label), TerminalText.oneLine(value));
    }
}
