package dev.jimeng.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.request.ValidatedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Many jobs from a file: every line validated first, the cost shown, then all run under the limit. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Run many jobs from a file of prompts or JSON Lines: all checked first, the cost confirmed.",
            "FILE holds plain lines of prompts, or JSON Lines of job parameters ({\"prompt\":…,\"mode\":…,"
                    + "\"duration\":…,\"image\":…,\"tail_image\":…,\"aspect_ratio\":…,\"seed\":…,\"template\":…,"
                    + "\"camera_strength\":…}). Options give the defaults; a line's own fields win.",
        })
public final class BatchCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "The jobs, one per line ('-' reads stdin).")
    String file;

    /** Defaults for every line; a JSON line's own fields win. */
    @Mixin
    VideoOptions defaults;

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "Folder for the videos.")
    Path outputDir;

    @Option(names = "--concurrency", paramLabel = "N", description = "Tasks at the server at once for this run.")
    Integer concurrency;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation of the cost.")
    boolean yes;

    @Override
    protected ExitCode doCall() throws Exception {
        List<ValidatedRequest> jobs = readAndValidate();
        if (jobs.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, file + " has no jobs: write one prompt or JSON object per line");
        }
        double cost =
                jobs.stream().mapToDouble(ValidatedRequest::estimatedCostCny).sum();
        String summary = String.format(
                "%d job(s), estimated cost ≈%.2f CNY (third-party prices, unverified)%s",
                jobs.size(), cost, jobs().sandbox() ? "; sandbox: nothing is billed" : "");
        Destination destination = Destination.inDirectory(
                outputDir == null
                        ? app().outputDirectory()
                        : app().env().workingDirectory().resolve(outputDir));
        jobs().checkOutput(destination, jobs); // once, for all of them, before the question
        err().println("jimeng: " + summary);
        if (!yes && !confirm("Submit them? [y/N] ")) {
            throw new UserError(ExitCode.BAD_INPUT, "nothing submitted; add --yes to submit without asking");
        }
        if (concurrency != null) {
            if (concurrency < 1) {
                throw new UserError(ExitCode.BAD_INPUT, "--concurrency must be at least 1, got " + concurrency);
            }
            app().settings().set("concurrency", concurrency.toString());
        }
        List<String> ids = jobs().submitAll(jobs, destination);
        if (session().tracksInBackground()) {
            ids.forEach(root().shell()::trackJob);
            out().println(ids.size() + " jobs queued: " + String.join(" ", ids));
            return ExitCode.OK;
        }
        ExitCode worst = ExitCode.OK;
        try (AutoCloseable lines = OneShotSession.printStateChanges(app(), out(), ids)) {
            for (String id : ids) {
                ExitCode code = session().follow(id, "", jobs()::exitCodeOf);
                if (code == ExitCode.INTERRUPTED) {
                    return code;
                }
                if (code != ExitCode.OK) {
                    worst = code;
                }
            }
        }
        return worst;
    }

    private List<ValidatedRequest> readAndValidate() throws IOException {
        List<String> lines = file.equals("-")
                ? new String(app().env().in().readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList()
                : readFile();
        List<ValidatedRequest> jobs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                jobs.add(jobs().validate(parse(line)));
            } catch (InvalidRequestException | UserError e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        file + " line " + (i + 1) + ": " + e.getMessage() + " (nothing was submitted)");
            }
        }
        return jobs;
    }

    private List<String> readFile() throws IOException {
        Path path = app().env().workingDirectory().resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new UserError(ExitCode.BAD_INPUT, "batch file " + file + " not found: give a path to a text file");
        }
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }

    private GenerationRequest parse(String line) throws IOException {
        if (!line.startsWith("{")) {
            return new GenerationRequest(
                    defaults.mode,
                    line,
                    defaults.duration,
                    defaults.fps,
                    defaults.aspectRatio,
                    List.of(),
                    defaults.seed,
                    defaults.template,
                    defaults.cameraStrength);
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> images = new ArrayList<>();
        String image = text(n, "image", "first_frame");
        String tail = text(n, "tail_image", "tail-image");
        if (tail != null && image == null) {
            throw new UserError(ExitCode.BAD_INPUT, "\"tail_image\" needs \"image\" (the first frame) too");
        }
        if (image != null) images.add(image);
        if (tail != null) images.add(tail);
        return new GenerationRequest(
                orElse(text(n, "mode"), defaults.mode),
                text(n, "prompt"),
                n.hasNonNull("duration") ? Integer.valueOf(n.get("duration").asInt()) : defaults.duration,
                n.hasNonNull("fps") ? Integer.valueOf(n.get("fps").asInt()) : defaults.fps,
                orElse(text(n, "aspect_ratio", "aspect-ratio"), defaults.aspectRatio),
                images,
                n.hasNonNull("seed") ? Long.valueOf(n.get("seed").asLong()) : defaults.seed,
                orElse(text(n, "template", "template_id"), defaults.template),
                orElse(text(n, "camera_strength", "camera-strength"), defaults.cameraStrength));
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            if (n.hasNonNull(name)) {
                return n.get(name).asText();
            }
        }
        return null;
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
