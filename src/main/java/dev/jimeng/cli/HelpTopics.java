package dev.jimeng.cli;

import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.app.ExitCode;
import dev.jimeng.config.JimengPaths;
import dev.jimeng.config.Setting;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.mode.Prices;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The topics of {@code jimeng help TOPIC}, written from the tables jimeng runs on (the capability table,
 * the settings catalogue, the exit codes, the error catalogue, the price table), so the help cannot drift
 * from what jimeng does.
 */
public enum HelpTopics {
    MODES("modes", "the generation modes: inputs, durations, frames, ratios, price", HelpTopics::modes),
    SETTINGS("settings", "every setting, its environment variable, default and values", HelpTopics::settings),
    EXIT_CODES("exit-codes", "what each exit code means", HelpTopics::exitCodes),
    ERRORS("errors", "the API's error codes and what to do about each", HelpTopics::errors),
    MONEY("money", "what is billed, estimates, caps and the ledger", HelpTopics::money),
    SEED("seed", "where jimeng differs from the generate_video.py seed script, and why", HelpTopics::seed);

    private final String topic;
    private final String summary;
    private final Supplier<String> text;

    HelpTopics(String topic, String summary, Supplier<String> text) {
        this.topic = topic;
        this.summary = summary;
        this.text = text;
    }

    public String topic() {
        return topic;
    }

    public String summary() {
        return summary;
    }

    /** The topic's text, lines ending in a newline. */
    public String text() {
        return text.get();
    }

    public static Optional<HelpTopics> byName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.topic.equalsIgnoreCase(name))
                .findFirst();
    }

    /** "modes, settings, …": for messages. */
    public static String names() {
        return Arrays.stream(values()).map(HelpTopics::topic).collect(Collectors.joining(", "));
    }

    private static String modes() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("mode", "inputs", "seconds (frames)", "aspect ratios", "≈ CNY/s"));
        for (ModeSpec m : Capabilities.modes()) {
            String frames = m.framesBySeconds().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            String ratios = m.aspectRatios().isEmpty()
                    ? "from the image"
                    : m.aspectRatioOnlyWithoutImage() ? "text only: all" : String.join(" ", m.aspectRatios());
            rows.add(List.of(
                    m.name(),
                    m.summary(),
                    frames,
                    ratios,
                    String.format(Locale.ROOT, "%.2f", Prices.DEFAULT.perSecond(m.resolution()))));
        }
        return table(rows) + "\nAll modes render at " + Capabilities.DEFAULT_FPS
                + " fps. The camera modes take --template ("
                + String.join(", ", Capabilities.CAMERA_TEMPLATES) + ") and --camera-strength ("
                + String.join(", ", Capabilities.CAMERA_STRENGTHS) + ").\n";
    }

    private static String settings() {
        JimengPaths paths = JimengPaths.resolve(Map.of(), Path.of("~"), Path.of("."));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("key", "environment", "default", "meaning"));
        for (Setting s : Setting.values()) {
            String fallback = s == Setting.OUTPUT_DIR ? "./" + JimengPaths.OUTPUT_FOLDER_NAME : s.defaultValue(paths);
            rows.add(List.of(s.key(), s.environmentVariable().orElse("-"), fallback, s.description()));
        }
        return table(rows)
                + "\nIn the shell: set KEY VALUE [--save], unset KEY, settings. --save writes the key to "
                + JimengPaths.CONFIG_FILE_NAME + " in the config folder (" + JimengPaths.HOME_VAR
                + " moves it).\nA bad value in the file or the environment stops jimeng with exit "
                + ExitCode.BAD_INPUT.code() + ", naming the key, the value and the valid values.\n";
    }

    private static String exitCodes() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("code", "name", "meaning"));
        for (ExitCode c : ExitCode.values()) {
            rows.add(List.of(
                    Integer.toString(c.code()),
                    c.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c.meaning()));
        }
        return table(rows);
    }

    private static String errors() {
        StringBuilder b = new StringBuilder();
        for (ErrorCatalog.Entry e : ErrorCatalog.all()) {
            b.append(e.code())
                    .append(e.gateway() ? " (gateway " + e.gatewayNumber() + ")" : "")
                    .append(", HTTP ")
                    .append(e.httpStatus())
                    .append(", exit ")
                    .append(ExitCode.of(e.category()).code())
                    .append(": ")
                    .append(e.meaning())
                    .append("\n    ")
                    .append(e.hint())
                    .append('\n');
        }
        return b.toString();
    }

    private static String money() {
        return String.format(
                Locale.ROOT,
                """
                Every task the server accepts is billed per second of video. jimeng shows estimates from one
                price table (third-party figures; edit them with the price-* settings): 720p ¥%.2f/s,
                1080p ¥%.2f/s, Pro ¥%.2f/s. A 5 s t2v_720p video: %s.
                - --dry-run shows what would be sent and its cost, sending nothing.
                - --max-cost CNY, and the settings max-cost-per-job, daily-budget, monthly-budget, refuse a
                  submit that would pass them; --yes skips questions, never caps.
                - jimeng spend shows today, 7 days, this month and all time, by mode.
                - Polls, downloads and re-downloads are free; only a re-submit (retry --resubmit) bills again,
                  and it asks first. A submit whose answer never came is never sent again on its own.
                - The built-in sandbox says "%s" wherever a price would stand.
                """,
                Prices.DEFAULT.perSecond720p(),
                Prices.DEFAULT.perSecond1080p(),
                Prices.DEFAULT.perSecondPro(),
                Billing.cost(
                        Prices.DEFAULT.cost(
                                Capabilities.mode(Capabilities.DEFAULT_MODE).orElseThrow(), 5),
                        false),
                Billing.SANDBOX);
    }

    private static String seed() {
        List<Integer> durations = Capabilities.modes().stream()
                .flatMap(m -> m.framesBySeconds().keySet().stream())
                .distinct()
                .sorted()
                .toList();
        return String.format(
                Locale.ROOT,
                """
                jimeng takes generate_video.py's options and prints its Markdown block, but follows the API
                where the two disagree, and says so before sending anything:
                - durations: the script offered %s s; the API makes %s s only.
                - fps: the script offered %s; the API renders %d fps only, and other values are refused.
                - images: up to %.1f MB and %d-%d px a side (the script said 15 MB).
                - the video link works %s (the script said 24 h): jimeng saves the file and links to it.
                - seed: %s.
                What jimeng adds: a journal that never loses a billed task, a shell, a live panel, a
                sandbox, caps and a ledger. See jimeng help money.
                """,
                join(Capabilities.SEED_DURATIONS),
                join(durations),
                join(Capabilities.SEED_FPS),
                Capabilities.DEFAULT_FPS,
                Capabilities.IMAGE_MAX_BYTES / 1_000_000.0,
                Capabilities.IMAGE_MIN_SIDE,
                Capabilities.IMAGE_MAX_SIDE,
                dev.jimeng.text.Words.count((int) Capabilities.VIDEO_URL_LIFETIME.toHours(), "hour"),
                Capabilities.SEED_RANGE);
    }

    private static String join(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    /** Columns padded by display width; the last column is not padded. */
    private static String table(List<List<String>> rows) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], TerminalText.width(row.get(i)));
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i < columns - 1 ? TerminalText.pad(row.get(i), widths[i]) + "  " : row.get(i));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
