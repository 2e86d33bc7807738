package dev.jimeng.app;

import dev.jimeng.config.TemplateFile;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.PromptTemplate;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved prompt templates ({@code jimeng template save|list|show|rm}, {@code generate -t NAME}): a
 * prompt with {@code {{variables}}} and the generate options it carries, kept in templates.toml under
 * their option names ({@code mode}, {@code duration}, {@code aspect-ratio}, {@code image}, …).
 */
public final class Templates {
    static final String PROMPT = "prompt";
    private static final String MODE = "mode";
    private static final String DURATION = "duration";
    private static final String FPS = "fps";
    private static final String ASPECT_RATIO = "aspect-ratio";
    private static final String IMAGE = "image";
    private static final String TAIL_IMAGE = "tail-image";
    private static final String SEED = "seed";
    private static final String CAMERA_TEMPLATE = "template";
    private static final String CAMERA_STRENGTH = "camera-strength";

    private final TemplateFile file;
    private final Path workingDirectory;

    Templates(TemplateFile file, Path workingDirectory) {
        this.file = file;
        this.workingDirectory = workingDirectory;
    }

    public Path path() {
        return file.path();
    }

    /** Every template, by name. */
    public List<PromptTemplate> all() {
        List<PromptTemplate> templates = new ArrayList<>();
        read().forEach((name, fields) -> templates.add(template(name, fields)));
        return templates;
    }

    /** The names, for completion: never throws (a broken file completes nothing). */
    public List<String> names() {
        try {
            return List.copyOf(file.read().keySet());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public Optional<PromptTemplate> find(String name) {
        Map<String, String> fields = read().get(name);
        return fields == null ? Optional.empty() : Optional.of(template(name, fields));
    }

    /** The template {@code name}, or a one-line error with the closest name. */
    public PromptTemplate require(String name) {
        return find(name).orElseThrow(() -> new UserError(ExitCode.BAD_INPUT, unknown(name)));
    }

    /**
     * Saves {@code options.prompt()} as template {@code name} with the options set in {@code options};
     * relative image paths become absolute here, so the template works from any folder.
     *
     * @return the saved template
     */
    public PromptTemplate save(String name, GenerationRequest options) {
        GenerationRequest absolute = new GenerationRequest(
                options.mode(),
                options.prompt(),
                options.durationSeconds(),
                options.fps(),
                options.aspectRatio(),
                options.images().stream()
                        .map(i -> RequestValidator.resolveImage(i, workingDirectory))
                        .toList(),
                options.seed(),
                options.template(),
                options.cameraStrength());
        PromptTemplate template = new PromptTemplate(name, absolute.prompt(), absolute); // checks the text
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(PROMPT, absolute.prompt());
        put(fields, MODE, absolute.mode());
        put(fields, DURATION, absolute.durationSeconds());
        put(fields, FPS, absolute.fps());
        put(fields, ASPECT_RATIO, absolute.aspectRatio());
        if (!absolute.images().isEmpty()) fields.put(IMAGE, absolute.images().getFirst());
        if (absolute.images().size() > 1)
            fields.put(TAIL_IMAGE, absolute.images().get(1));
        put(fields, SEED, absolute.seed());
        put(fields, CAMERA_TEMPLATE, absolute.template());
        put(fields, CAMERA_STRENGTH, absolute.cameraStrength());
        try {
            file.put(name, fields);
        } catch (IOException e) {
            throw new UserError(ExitCode.NO_ROOM, "could not save " + file.path() + ": " + e.getMessage());
        }
        return template;
    }

    /** Removes {@code name}, or a one-line error with the closest name. */
    public void remove(String name) {
        try {
            if (!file.remove(name)) {
                throw new UserError(ExitCode.BAD_INPUT, unknown(name));
            }
        } catch (IOException e) {
            throw new UserError(ExitCode.NO_ROOM, "could not change " + file.path() + ": " + e.getMessage());
        }
    }

    private String unknown(String name) {
        List<String> names = names();
        return "no template '" + TerminalText.safe(name) + "'; "
                + Spelling.closest(name, names)
                        .map(c -> "did you mean '" + c + "'? ")
                        .orElse("")
                + (names.isEmpty()
                        ? "save one with 'jimeng template save NAME \"PROMPT\"'"
                        : "'jimeng template list' shows them");
    }

    private Map<String, Map<String, String>> read() {
        try {
            return file.read();
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    file.path() + " " + e.getMessage() + "; fix or remove it ('jimeng template rm NAME' rewrites it)");
        }
    }

    private PromptTemplate template(String name, Map<String, String> f) {
        List<String> images = new ArrayList<>();
        if (f.get(IMAGE) != null) images.add(f.get(IMAGE));
        if (f.get(TAIL_IMAGE) != null) images.add(f.get(TAIL_IMAGE));
        GenerationRequest options = new GenerationRequest(
                f.get(MODE),
                null,
                number(name, f, DURATION, Integer::valueOf),
                number(name, f, FPS, Integer::valueOf),
                f.get(ASPECT_RATIO),
                images,
                number(name, f, SEED, Long::valueOf),
                f.get(CAMERA_TEMPLATE),
                f.get(CAMERA_STRENGTH));
        return new PromptTemplate(name, f.get(PROMPT), options);
    }

    private <T> T number(String name, Map<String, String> f, String key, java.util.function.Function<String, T> parse) {
        String value = f.get(key);
        try {
            return value == null ? null : parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "template " + name + " in " + file.path() + " has " + key + " = '" + TerminalText.safe(value)
                            + "', which is not a whole number; save it again or fix the file");
        }
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) fields.put(key, value);
    }
}
