package dev.jimeng.story;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.jimeng.json.Json;
import dev.jimeng.json.JsonSyntax;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.request.RequestValidator;
import dev.jimeng.text.Spelling;
import dev.jimeng.text.TerminalText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A storyboard read whole before anything is sent. TOML: story defaults at the top ({@code mode},
 * {@code resolution}, {@code duration}, {@code seed}) and one {@code [[shot]]} table per shot; JSON
 * Lines: one shot object per line. A shot has a {@code prompt}, a {@code last} keyframe and, for the
 * first shot (or a cut), a {@code first} one; the next shot begins where it ends. Every problem of
 * every shot is collected: unknown keys with the closest known one, wrong types, missing keyframes.
 */
public final class StoryboardFile {
    /** The most shots one storyboard may have: beyond it is a mistake, not a story. */
    public static final int MAX_SHOTS = 200;

    /** The built-in mode: first and last frame, 720P. */
    public static final String DEFAULT_MODE = "i2v_first_tail_720p";

    private static final TomlMapper TOML = new TomlMapper();

    /** Keys of a shot (all of them may also stand at the top of a TOML storyboard but the frames). */
    enum Key {
        PROMPT("prompt", false),
        FIRST("first", false),
        LAST("last", false),
        MODE("mode", false),
        RESOLUTION("resolution", false),
        DURATION("duration", true),
        SEED("seed", true);

        final String name;
        final boolean number;

        Key(String name, boolean number) {
            this.name = name;
            this.number = number;
        }

        static Optional<Key> named(String name) {
            for (Key k : values()) {
                if (k.name.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(k -> k.name).toList();
        }
    }

    /** What the command line gives every shot that does not say (null: not given). */
    public record Defaults(String mode, Integer durationSeconds, Long seed) {}

    /**
     * Something wrong, in words naming the place and the fix.
     *
     * @param where "shot 3", "line 4" or "the top" (of a TOML file)
     */
    public record Problem(String where, String message) {}

    /**
     * The shots, or every problem found (then the shots may be incomplete and must not be sent), and
     * where in the file each shot is ({@code shot 2}, {@code line 3}).
     */
    public record Read(List<Shot> shots, List<Problem> problems, List<String> places) {
        /** Where the shot is in the file, as its problems name it. */
        public String place(Shot shot) {
            return shot.number() <= places.size() ? places.get(shot.number() - 1) : shot.label();
        }

        /** True when none of the problems is the shot's own: its files can be checked. */
        public boolean sound(Shot shot) {
            String where = place(shot);
            return problems.stream().noneMatch(p -> p.where().equals(where));
        }
    }

    private StoryboardFile() {}

    /** True when the text is JSON Lines (its first line that is not blank or a comment is an object). */
    static boolean isJsonLines(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".toml")) {
            return false;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return true;
        }
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst()
                .map(l -> l.startsWith("{"))
                .orElse(false);
    }

    /**
     * Reads a storyboard's text; relative keyframe paths start at {@code folder} (the file's own).
     *
     * @param file the storyboard's name, for its format (by extension, else by its first line)
     */
    public static Read read(Path file, String text, Path folder, Defaults options) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Read read = isJsonLines(file, body) ? jsonLines(body, folder, options) : toml(body, folder, options);
        return new Read(read.shots(), inOrder(read.problems()), read.places());
    }

    /** The problems in the order of the file: the top first, then by line or shot number. */
    public static List<Problem> inOrder(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(StoryboardFile::position));
        return sorted;
    }

    /** Where a problem is, for the order of the report: the top first, then by line or shot number. */
    private static int position(Problem p) {
        String digits = p.where().replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static Read toml(String text, Path folder, Defaults options) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            return failed("the top", "not valid TOML: " + TerminalText.oneLine(e.getOriginalMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        Map<Key, Object> story = new LinkedHashMap<>();
        JsonNode shots = null;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals("shot")) {
                shots = field.getValue();
                continue;
            }
            Optional<Key> key = Key.named(field.getKey());
            if (key.isEmpty() || key.get() == Key.FIRST || key.get() == Key.LAST || key.get() == Key.PROMPT) {
                problems.add(new Problem("the top", unknownKey(field.getKey(), topNames())));
                continue;
            }
            typed(key.get(), field.getValue(), "the top", problems).ifPresent(v -> story.put(key.get(), v));
        }
        if (shots == null || !shots.isArray() || shots.isEmpty()) {
            problems.add(new Problem(
                    "the top",
                    shots == null
                            ? "no shots: add one [[shot]] table per shot, with prompt, first and last"
                            : "'shot' must be [[shot]] tables, one per shot"));
            return new Read(List.of(), problems, List.of());
        }
        List<Map<Key, Object>> raw = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (JsonNode node : shots) {
            String where = "shot " + (raw.size() + 1);
            places.add(where);
            raw.add(shotValues(node, where, problems));
        }
        return shots(raw, places, story, folder, options, problems);
    }

    private static Read jsonLines(String text, Path folder, Defaults options) {
        List<Problem> problems = new ArrayList<>();
        List<Map<Key, Object>> raw = new ArrayList<>();
        List<String> places = new ArrayList<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String where = "line " + number;
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(stripped);
            } catch (JacksonException e) {
                String column = e.getLocation() == null || e.getLocation().getColumnNr() < 1
                        ? ""
                        : " at column " + e.getLocation().getColumnNr();
                problems.add(new Problem(
                        where,
                        "not valid JSON" + column + ": " + JsonSyntax.expected(e.getOriginalMessage())
                                + "; one shot per line"));
                continue;
            }
            places.add(where);
            raw.add(shotValues(node, where, problems));
        }
        if (raw.isEmpty() && problems.isEmpty()) {
            problems.add(
                    new Problem("line 1", "no shots: write one {\"prompt\": …, \"first\": …, \"last\": …} per line"));
        }
        return shots(raw, places, Map.of(), folder, options, problems);
    }

    private static Map<Key, Object> shotValues(JsonNode node, String where, List<Problem> problems) {
        Map<Key, Object> values = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(new Problem(where, "a shot is a table of prompt, first, last, …"));
            return values;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Optional<Key> key = Key.named(field.getKey());
            if (key.isEmpty()) {
                problems.add(new Problem(where, unknownKey(field.getKey(), Key.names())));
                continue;
            }
            if (field.getValue().isNull()) {
                continue;
            }
            typed(key.get(), field.getValue(), where, problems).ifPresent(v -> values.put(key.get(), v));
        }
        return values;
    }

    /** The shots with every default filled in: the shot's own key, the option, the story's, built in. */
    private static Read shots(
            List<Map<Key, Object>> raw,
            List<String> places,
            Map<Key, Object> story,
            Path folder,
            Defaults options,
            List<Problem> problems) {
        if (raw.size() > MAX_SHOTS) {
            problems.add(new Problem(
                    places.get(MAX_SHOTS),
                    "more than " + MAX_SHOTS + " shots: split the story into several storyboards"));
            return new Read(List.of(), problems, List.of());
        }
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<Key, Object> own = raw.get(i);
            String where = places.get(i);
            String mode = mode(own, options, story, where, problems);
            Integer duration =
                    (Integer) pick(own.get(Key.DURATION), options.durationSeconds(), story.get(Key.DURATION));
            Long seed = (Long) pick(own.get(Key.SEED), options.seed(), story.get(Key.SEED));
            String first = (String) own.get(Key.FIRST);
            String last = (String) own.get(Key.LAST);
            if (i == 0 && first == null) {
                problems.add(
                        new Problem(where, "no 'first' keyframe: the story begins with it (first = \"start.png\")"));
            }
            if (last == null) {
                problems.add(new Problem(
                        where, "no 'last' keyframe: every shot ends on one, and the next shot begins with it"));
            }
            shots.add(new Shot(
                    i + 1,
                    (String) own.get(Key.PROMPT),
                    first == null ? null : RequestValidator.resolveImage(first, folder),
                    last == null ? null : RequestValidator.resolveImage(last, folder),
                    mode,
                    duration,
                    seed));
        }
        return new Read(shots, problems, List.copyOf(places));
    }

    private static Object pick(Object own, Object option, Object story) {
        return own != null ? own : option != null ? option : story;
    }

    /** The shot's first-and-last-frame mode, from a mode name or a resolution ("720p", "1080p"). */
    private static String mode(
            Map<Key, Object> own, Defaults options, Map<Key, Object> story, String where, List<Problem> problems) {
        String byResolution = (String) (own.containsKey(Key.MODE) ? null : own.get(Key.RESOLUTION));
        if (byResolution == null && !own.containsKey(Key.MODE) && options.mode() == null) {
            byResolution = (String) (story.containsKey(Key.MODE) ? null : story.get(Key.RESOLUTION));
        }
        if (byResolution != null) {
            String wanted = byResolution.strip().toLowerCase(Locale.ROOT);
            Optional<ModeSpec> found = firstAndLastModes().stream()
                    .filter(m -> m.resolution().equals(wanted))
                    .findFirst();
            if (found.isEmpty()) {
                problems.add(new Problem(
                        where,
                        "'resolution' " + quoted(byResolution) + " is not one a shot is made in: "
                                + String.join(" or ", resolutions())));
                return DEFAULT_MODE;
            }
            return found.get().name();
        }
        String name = (String) pick(own.get(Key.MODE), options.mode(), story.get(Key.MODE));
        if (name == null) {
            return DEFAULT_MODE;
        }
        List<String> names = firstAndLastModes().stream().map(ModeSpec::name).toList();
        if (!names.contains(name.strip())) {
            String fix = Spelling.closest(name.strip(), names)
                    .map(m -> "did you mean '" + m + "'?")
                    .orElse("a shot is a first-and-last-frame job: " + String.join(" or ", names)
                            + " (or resolution = \"1080p\")");
            problems.add(new Problem(where, "'mode' " + quoted(name) + " is not for shots: " + fix));
            return DEFAULT_MODE;
        }
        return name.strip();
    }

    /** The modes that take a first and a last frame: what every shot is made with. */
    static List<ModeSpec> firstAndLastModes() {
        return Capabilities.modes().stream()
                .filter(m -> m.minImages() == 2 && m.maxImages() == 2)
                .toList();
    }

    private static List<String> resolutions() {
        return firstAndLastModes().stream()
                .map(m -> "\"" + m.resolution() + "\"")
                .toList();
    }

    /** The keys at the top of a TOML storyboard: the story's defaults and its shots. */
    private static List<String> topNames() {
        return List.of("mode", "resolution", "duration", "seed", "shot");
    }

    /** The value as a shot takes it: text, or a whole number (duration an Integer, seed a Long). */
    private static Optional<Object> typed(Key key, JsonNode value, String where, List<Problem> problems) {
        if (!key.number) {
            if (value.isTextual()) {
                return Optional.of(value.textValue());
            }
            problems.add(new Problem(where, "'" + key.name + "' must be text in quotes, not " + shown(value)));
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(new Problem(where, "'" + key.name + "' must be a whole number, not " + shown(value)));
            return Optional.empty();
        }
        if (key == Key.SEED) {
            return Optional.of(value.longValue());
        }
        if (!value.canConvertToInt()) {
            problems.add(new Problem(where, "'" + key.name + "' " + value + " is far too large"));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    private static String shown(JsonNode value) {
        return TerminalText.safe(TerminalText.oneLine(value.toString()));
    }

    private static String quoted(String s) {
        return "'" + TerminalText.safe(TerminalText.oneLine(s)) + "'";
    }

    /** The closest known key, or the list of keys; a ratio gets why there is none. */
    static String unknownKey(String name, List<String> known) {
        String shown = quoted(name);
        if (name.equals("ratio") || name.equals("aspect_ratio") || name.equals("aspect-ratio")) {
            return "unknown key " + shown + ": a shot takes its shape from its keyframes (crop them to the ratio"
                    + " you want, the same for all)";
        }
        return Spelling.closest(name, known)
                .map(k -> "unknown key " + shown + " — did you mean '" + k + "'?")
                .orElse("unknown key " + shown + "; the keys are " + String.join(", ", known));
    }

    private static Read failed(String where, String message) {
        return new Read(List.of(), List.of(new Problem(where, message)), List.of());
    }
}
