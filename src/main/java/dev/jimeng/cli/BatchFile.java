package dev.jimeng.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.json.Json;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.request.RequestOptions;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.Spelling;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch file read and checked before anything is sent: plain lines are prompts, lines starting with
 * {@code {} are JSON objects of {@link Key}s. Every problem of every line is collected (unknown keys with
 * the closest known one, wrong types, and what {@link RequestValidator} refuses), not only the first.
 * Reading stops one job past the limit, so a huge file costs no more than the limit to refuse.
 */
final class BatchFile {
    static final int DEFAULT_MAX_JOBS = 1000;

    private static final ObjectReader JSON_LINE = Json.MAPPER
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The one list of keys a JSON line may have, with the option and validator field each stands for. */
    enum Key {
        PROMPT("prompt", null, InvalidRequestException.FIELD_PROMPT, false, true),
        MODE("mode", RequestOptions.MODE, InvalidRequestException.FIELD_MODE, false, false),
        DURATION("duration", RequestOptions.DURATION, InvalidRequestException.FIELD_DURATION, true, true),
        FPS("fps", RequestOptions.FPS, InvalidRequestException.FIELD_FPS, true, true),
        IMAGE("image", RequestOptions.IMAGE, InvalidRequestException.FIELD_IMAGE, false, false),
        TAIL_IMAGE("tail_image", RequestOptions.TAIL_IMAGE, InvalidRequestException.FIELD_TAIL_IMAGE, false, false),
        ASPECT_RATIO(
                "aspect_ratio", RequestOptions.ASPECT_RATIO, InvalidRequestException.FIELD_ASPECT_RATIO, false, true),
        SEED("seed", RequestOptions.SEED, InvalidRequestException.FIELD_SEED, true, true),
        TEMPLATE("template", RequestOptions.TEMPLATE, InvalidRequestException.FIELD_TEMPLATE, false, true),
        CAMERA_STRENGTH(
                "camera_strength",
                RequestOptions.CAMERA_STRENGTH,
                InvalidRequestException.FIELD_CAMERA_STRENGTH,
                false,
                true);

        static final List<String> NAMES =
                Arrays.stream(values()).map(k -> k.name).toList();

        final String name;
        /** The command-line option of the same meaning (the default for lines that leave the key out). */
        final String option;

        final String field;
        final boolean wholeNumber;
        /**
         * True when, after a problem with this key, the rest of the line can still be checked with the key
         * left out: its default changes nothing else. Not so for the mode or the images, on which every
         * other rule depends.
         */
        final boolean independent;

        Key(String name, String option, String field, boolean wholeNumber, boolean independent) {
            this.name = name;
            this.option = option;
            this.field = field;
            this.wholeNumber = wholeNumber;
            this.independent = independent;
        }

        static Optional<Key> named(String name) {
            return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
        }

        static Key ofField(String field) {
            if (field.equals(InvalidRequestException.FIELD_IMAGES)) {
                return IMAGE;
            }
            return Arrays.stream(values())
                    .filter(k -> k.field.equals(field))
                    .findFirst()
                    .orElse(MODE);
        }

        String quoted() {
            return "'" + name + "'";
        }
    }

    /** Something wrong on one line, in words that name the key and the fix. */
    record Problem(int line, String message) {}

    /**
     * One job line as read.
     *
     * @param request what the line asks for, the command's options filling what it leaves out
     * @param given the keys the line gave itself (their messages name the key, not the option)
     * @param problems what is wrong with the line before validation: unknown keys, wrong types
     * @param broken keys whose value could not be used (left out of {@code request})
     */
    record Entry(int line, GenerationRequest request, Set<Key> given, List<Problem> problems, Set<Key> broken) {}

    /** What reading found: the job lines, or that there are more than the limit ({@code entries} then ends there). */
    record Read(List<Entry> entries, boolean overLimit) {}

    /** The outcome: every job ready to send, or every problem; never both sent and refused. */
    record Checked(List<ValidatedRequest> jobs, List<Problem> problems) {}

    private BatchFile() {}

    /**
     * Reads job lines until the end or until {@code maxJobs + 1} of them, whichever comes first. Blank lines
     * and lines starting with {@code #} are not jobs. Relative image paths resolve against {@code folder}.
     */
    static Read read(BufferedReader in, Path folder, GenerationRequest defaults, int maxJobs) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            number++;
            String line = (number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (entries.size() == maxJobs) {
                return new Read(entries, true);
            }
            entries.add(line.startsWith("{") ? json(number, line, folder, defaults) : plain(number, line, defaults));
        }
        return new Read(entries, false);
    }

    /** Validates every line through {@code validator}; all problems of all lines, in line order. */
    static Checked check(List<Entry> entries, Function<GenerationRequest, ValidatedRequest> validator) {
        List<ValidatedRequest> jobs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Entry entry : entries) {
            List<Problem> found = new ArrayList<>(entry.problems());
            ValidatedRequest valid = entry.broken().contains(Key.MODE) ? null : validate(entry, validator, found);
            if (found.isEmpty()) {
                jobs.add(valid);
            }
            problems.addAll(found);
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Checked(jobs, problems);
    }

    /**
     * The validator stops at the first problem, so a line is validated again with that key left out, as
     * long as leaving it out changes nothing else; a problem with a key already reported is a consequence
     * of leaving it out and is not reported again.
     */
    private static ValidatedRequest validate(
            Entry entry, Function<GenerationRequest, ValidatedRequest> validator, List<Problem> found) {
        GenerationRequest request = entry.request();
        Set<Key> reported = EnumSet.noneOf(Key.class);
        reported.addAll(entry.broken());
        for (int attempt = 0; attempt <= Key.values().length; attempt++) {
            try {
                return validator.apply(request);
            } catch (InvalidRequestException e) {
                Key key = Key.ofField(e.field());
                if (!reported.add(key)) {
                    return null;
                }
                found.add(new Problem(entry.line(), inLineWords(e.getMessage(), key, entry.given())));
                if (!key.independent) {
                    return null;
                }
                request = without(request, key);
            }
        }
        return null;
    }

    /**
     * The request with one independent key left out (its default then applies); a camera mode cannot do
     * without a camera value, so there the first valid one of the capability table stands in.
     */
    private static GenerationRequest without(GenerationRequest r, Key key) {
        boolean camera = r.mode() != null
                && Capabilities.mode(r.mode().strip()).map(ModeSpec::camera).orElse(false);
        return new GenerationRequest(
                r.mode(),
                key == Key.PROMPT ? null : r.prompt(),
                key == Key.DURATION ? null : r.durationSeconds(),
                key == Key.FPS ? null : r.fps(),
                key == Key.ASPECT_RATIO ? null : r.aspectRatio(),
                r.images(),
                key == Key.SEED ? null : r.seed(),
                key != Key.TEMPLATE ? r.template() : camera ? Capabilities.CAMERA_TEMPLATES.getFirst() : null,
                key != Key.CAMERA_STRENGTH
                        ? r.cameraStrength()
                        : camera ? Capabilities.CAMERA_STRENGTHS.getFirst() : null);
    }

    /** The validator speaks in command-line options; a key the line gave is named as the line spells it. */
    private static String inLineWords(String message, Key key, Set<Key> given) {
        String words = message;
        for (Key k : given) {
            if (k.option != null) {
                words = words.replaceAll(Pattern.quote(k.option) + "(?![\\w-])", Matcher.quoteReplacement(k.quoted()));
            }
        }
        boolean namesIt = words.contains(key.quoted()) || (key.option != null && words.contains(key.option));
        return namesIt ? words : key.quoted() + ": " + words;
    }

    private static Entry plain(int number, String prompt, GenerationRequest defaults) {
        GenerationRequest request = new GenerationRequest(
                defaults.mode(),
                prompt,
                defaults.durationSeconds(),
                defaults.fps(),
                defaults.aspectRatio(),
                List.of(),
                defaults.seed(),
                defaults.template(),
                defaults.cameraStrength());
        return new Entry(number, request, Set.of(), optionsInPrompt(number, prompt), Set.of());
    }

    /**
     * A plain line is all prompt, so "a boat --duration 10" would send a 5 s video of a prompt that
     * ends in "--duration 10": an option of a JSON key written into a plain line is a problem, shown
     * with the JSON line that says what was meant. Dashes that name no option stay prompt.
     */
    private static List<Problem> optionsInPrompt(int number, String prompt) {
        String[] words = prompt.split("\\s+");
        List<String> rest = new ArrayList<>();
        List<String> options = new ArrayList<>();
        ObjectNode meant = Json.MAPPER.createObjectNode();
        boolean everyValueGiven = true;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            Optional<Key> key = Arrays.stream(Key.values())
                    .filter(k -> name.equals(k.option))
                    .findFirst();
            if (key.isEmpty()) {
                rest.add(word);
                continue;
            }
            options.add(name);
            String value = equals >= 0
                    ? word.substring(equals + 1)
                    : i + 1 < words.length && !words[i + 1].startsWith("--") ? words[++i] : null;
            if (value == null || value.isEmpty()) {
                everyValueGiven = false;
            } else if (key.get().wholeNumber && value.matches("-?\\d{1,18}")) {
                meant.put(key.get().name, Long.parseLong(value));
            } else {
                meant.put(key.get().name, value);
            }
        }
        if (options.isEmpty()) {
            return List.of();
        }
        String named = options.size() == 1
                ? options.getFirst() + " is"
                : String.join(", ", options.subList(0, options.size() - 1)) + " and " + options.getLast() + " are";
        String fix;
        if (everyValueGiven) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            if (!rest.isEmpty()) {
                line.put(Key.PROMPT.name, String.join(" ", rest));
            }
            line.setAll(meant);
            fix = "write it as JSON: " + line;
        } else {
            fix = "write it as JSON, e.g. {\"prompt\":\"a red fox\",\"duration\":10}";
        }
        return List.of(new Problem(
                number,
                named + " read as part of the prompt: a plain line is all prompt; to give a line its own options, "
                        + fix));
    }

    /** What the JSON parser expected, in words (see {@link dev.jimeng.json.JsonSyntax#expected}). */
    static String expected(String parserMessage) {
        return dev.jimeng.json.JsonSyntax.expected(parserMessage);
    }

    private static Entry json(int number, String line, Path folder, GenerationRequest defaults) {
        JsonNode node;
        try {
            node = JSON_LINE.readTree(line);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getColumnNr() < 1
                    ? ""
                    : " at column " + e.getLocation().getColumnNr();
            return broken(
                    number,
                    "not valid JSON" + where + ": " + expected(e.getOriginalMessage())
                            + "; a line starting with { is a JSON object");
        } catch (IOException e) {
            return broken(number, "not valid JSON: " + e.getMessage());
        }
        if (!node.isObject()) {
            return broken(number, "not a JSON object; write {\"prompt\": \"…\", …} or a plain prompt");
        }
        List<Problem> problems = new ArrayList<>();
        Set<Key> given = EnumSet.noneOf(Key.class);
        Set<Key> broken = EnumSet.noneOf(Key.class);
        Map<Key, Object> values = new java.util.EnumMap<>(Key.class);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Optional<Key> known = Key.named(field.getKey());
            if (known.isEmpty()) {
                problems.add(new Problem(number, unknownKey(field.getKey())));
                continue;
            }
            Key key = known.get();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            given.add(key);
            Object typed = typed(key, value);
            if (typed instanceof Unusable u) {
                problems.add(new Problem(number, u.why()));
                broken.add(key);
            } else {
                values.put(key, typed);
            }
        }
        List<String> images = new ArrayList<>();
        String image = (String) values.get(Key.IMAGE);
        String tail = (String) values.get(Key.TAIL_IMAGE);
        if (tail != null && image == null && !broken.contains(Key.IMAGE)) {
            problems.add(new Problem(number, "'tail_image' needs 'image' (the first frame) too"));
            broken.add(Key.TAIL_IMAGE);
            tail = null;
        }
        if (image != null) images.add(RequestValidator.resolveImage(image, folder));
        if (tail != null) images.add(RequestValidator.resolveImage(tail, folder));
        GenerationRequest request = new GenerationRequest(
                or(values.get(Key.MODE), defaults.mode(), given.contains(Key.MODE)),
                (String) values.get(Key.PROMPT),
                or(values.get(Key.DURATION), defaults.durationSeconds(), given.contains(Key.DURATION)),
                or(values.get(Key.FPS), defaults.fps(), given.contains(Key.FPS)),
                or(values.get(Key.ASPECT_RATIO), defaults.aspectRatio(), given.contains(Key.ASPECT_RATIO)),
                images,
                or(values.get(Key.SEED), defaults.seed(), given.contains(Key.SEED)),
                or(values.get(Key.TEMPLATE), defaults.template(), given.contains(Key.TEMPLATE)),
                or(values.get(Key.CAMERA_STRENGTH), defaults.cameraStrength(), given.contains(Key.CAMERA_STRENGTH)));
        return new Entry(number, request, given, problems, broken);
    }

    /** The line's own value; the default only where the line did not give the key at all. */
    @SuppressWarnings("unchecked")
    private static <T> T or(Object own, T fallback, boolean given) {
        return given ? (T) own : fallback;
    }

    private static Entry broken(int number, String message) {
        return new Entry(
                number,
                new GenerationRequest(null, null, null, null, null, List.of(), null, null, null),
                Set.of(),
                List.of(new Problem(number, message)),
                EnumSet.of(Key.MODE));
    }

    private static String unknownKey(String name) {
        return Spelling.closest(name, Key.NAMES)
                .map(k -> "unknown key '" + name + "' — did you mean '" + k + "'?")
                .orElse("unknown key '" + name + "'; the keys are " + String.join(", ", Key.NAMES));
    }

    /** Why a value of a known key cannot be used. */
    private record Unusable(String why) {}

    /** The value as the request takes it (String, Integer or Long), or {@link Unusable} saying why not. */
    private static Object typed(Key key, JsonNode value) {
        if (!key.wholeNumber) {
            return value.isTextual()
                    ? value.textValue()
                    : new Unusable(key.quoted() + " must be text in quotes, not " + value);
        }
        if (!value.isIntegralNumber()) {
            String what = value.isTextual() ? "a number without quotes" : "a whole number";
            return new Unusable(key.quoted() + " must be " + what + ", not " + value);
        }
        if (key == Key.SEED) {
            return value.canConvertToLong()
                    ? (Object) value.longValue()
                    : new Unusable(key.quoted() + " " + value + " is far too large; use a 32-bit integer or -1");
        }
        return value.canConvertToInt()
                ? (Object) value.intValue()
                : new Unusable(key.quoted() + " " + value + " is far too large");
    }
}
