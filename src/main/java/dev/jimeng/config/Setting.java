package dev.jimeng.config;

import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.mode.Prices;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of settings: one row per key with its description, environment variable (if any),
 * default, parser and allowed values. Values are kept as normalised text ({@link #parse} output);
 * {@link Settings} offers typed accessors.
 *
 * <p>Each row with an environment variable can be set there too (e.g. {@code JIMENG_VIDEO_POLL_INTERVAL},
 * the seed's name of poll-interval); every row can be in config.toml and given as {@code --setting}.
 */
public enum Setting {
    MODE(
            "mode",
            "generation mode used when --mode is not given",
            null,
            p -> Capabilities.DEFAULT_MODE,
            (raw, p) -> parseMode(raw),
            m -> Capabilities.modes().stream()
                    .map(s -> new Choice(s.name(), s.summary()))
                    .toList()),
    DURATION(
            "duration",
            "video length in seconds",
            null,
            p -> Integer.toString(Capabilities.DEFAULT_DURATION),
            (raw, p) -> parseDuration(raw),
            Setting::durationChoices),
    FPS(
            "fps",
            "frames per second",
            null,
            p -> Integer.toString(Capabilities.DEFAULT_FPS),
            (raw, p) -> parseFps(raw),
            Setting::fpsChoices),
    ASPECT_RATIO(
            "aspect-ratio",
            "width:height of text-to-video output",
            null,
            p -> Capabilities.DEFAULT_ASPECT_RATIO,
            (raw, p) -> parseAspectRatio(raw),
            m -> Capabilities.ASPECT_RATIOS.stream()
                    .map(r -> new Choice(r, aspectDescription(r)))
                    .toList()),
    OUTPUT_DIR(
            "output-dir",
            "folder where finished videos are saved",
            "JIMENG_OUTPUT_DIR",
            p -> p.defaultOutputDir().toString(),
            Setting::parseDirectory,
            m -> List.of()),
    SEED(
            "seed",
            "random seed; -1 picks a new one for every video",
            null,
            p -> "-1",
            (raw, p) -> parseSeed(raw),
            m -> List.of(new Choice("-1", "a new random seed for every video"))),
    CONCURRENCY(
            "concurrency",
            "how many jobs run on the server at once",
            "JIMENG_CONCURRENCY",
            p -> "2",
            (raw, p) -> parseConcurrency(raw),
            m -> java.util.stream.IntStream.rangeClosed(1, Setting.MAX_CONCURRENCY)
                    .mapToObj(i -> new Choice(Integer.toString(i), i == 2 ? "default" : ""))
                    .toList()),
    POLL_INTERVAL(
            "poll-interval",
            "longest wait between status checks once a task is due, in seconds (fractions allowed)",
            "JIMENG_VIDEO_POLL_INTERVAL",
            p -> "5",
            (raw, p) -> parsePollInterval(raw),
            m -> List.of(
                    new Choice("2", "seconds"), new Choice("5", "seconds (default)"), new Choice("10", "seconds"))),
    NOTIFY(
            "notify",
            "signal when a job finishes",
            null,
            p -> NotifyStyle.NONE.key(),
            (raw, p) -> parseNotify(raw),
            m -> Arrays.stream(NotifyStyle.values())
                    .map(n -> new Choice(n.key(), n.description()))
                    .toList()),
    EMBED_METADATA(
            "embed-metadata",
            "also write each video's metadata (the sidecar's JSON) into the MP4 itself",
            "JIMENG_EMBED_METADATA",
            p -> "false",
            (raw, p) -> parseSwitch("EMBED_METADATA", raw),
            m -> List.of(
                    new Choice("false", "sidecar only (default)"), new Choice("true", "sidecar and inside the MP4"))),
    MAX_COST_PER_JOB(
            "max-cost-per-job",
            "refuse a job whose estimated cost is above this many CNY (none: no cap)",
            null,
            p -> Setting.NO_CAP,
            Setting::parseCap,
            m -> capChoices()),
    DAILY_BUDGET(
            "daily-budget",
            "refuse a submit that would take today's estimated spend above this many CNY",
            null,
            p -> Setting.NO_CAP,
            Setting::parseCap,
            m -> capChoices()),
    MONTHLY_BUDGET(
            "monthly-budget",
            "refuse a submit that would take this month's estimated spend above this many CNY",
            null,
            p -> Setting.NO_CAP,
            Setting::parseCap,
            m -> capChoices()),
    PRICE_720P(
            "price-720p",
            "estimated CNY per second of 720p video",
            null,
            p -> price(Prices.DEFAULT.perSecond720p()),
            Setting::parsePrice,
            m -> List.of()),
    PRICE_1080P(
            "price-1080p",
            "estimated CNY per second of 1080p video",
            null,
            p -> price(Prices.DEFAULT.perSecond1080p()),
            Setting::parsePrice,
            m -> List.of()),
    PRICE_PRO(
            "price-pro",
            "estimated CNY per second of ti2v_pro video",
            null,
            p -> price(Prices.DEFAULT.perSecondPro()),
            Setting::parsePrice,
            m -> List.of()),
    API_URL(
            "api-url",
            "the API endpoint: an http(s) URL (a sandbox's, or a gateway's)",
            "JIMENG_VIDEO_API_URL",
            p -> Setting.DEFAULT_API_URL,
            (raw, p) -> parseUrl(raw),
            m -> List.of(new Choice(Setting.DEFAULT_API_URL, "Volcengine (default)"))),
    API_TIMEOUT(
            "api-timeout",
            "seconds one API call (headers and body) may take",
            "JIMENG_VIDEO_API_TIMEOUT",
            p -> "300",
            (raw, p) -> parseSeconds("API_TIMEOUT", raw),
            m -> List.of(new Choice("300", "seconds (default)"))),
    MAX_POLL_ATTEMPTS(
            "max-poll-attempts",
            "status checks before waiting gives up (the task keeps running; wait picks it up)",
            "JIMENG_VIDEO_MAX_POLL_ATTEMPTS",
            p -> "120",
            (raw, p) -> parseAtLeastOne(raw),
            m -> List.of(new Choice("120", "status checks (default)"))),
    RETRY_BACKOFF(
            "retry-backoff",
            "first back-off in seconds after a transient error (doubles, with jitter, up to 60)",
            "JIMENG_VIDEO_RETRY_BACKOFF",
            p -> "1",
            (raw, p) -> parseSeconds("RETRY_BACKOFF", raw),
            m -> List.of(new Choice("1", "second (default)"))),
    JOURNAL_RETRY_SECONDS(
            "journal-retry-seconds",
            "how long an accepted task id is tried again when the journal cannot record it",
            "JIMENG_JOURNAL_RETRY_SECONDS",
            p -> "60",
            (raw, p) -> parseSeconds("JOURNAL_RETRY_SECONDS", raw),
            m -> List.of(new Choice("60", "seconds (default)"))),
    SANDBOX_QUEUE_SECONDS(
            "sandbox-queue-seconds",
            "seconds the built-in sandbox keeps a task in the queue",
            "JIMENG_SANDBOX_QUEUE_SECONDS",
            p -> "1",
            (raw, p) -> parseSeconds("SANDBOX_QUEUE_SECONDS", raw),
            m -> List.of(new Choice("1", "second (default)"))),
    SANDBOX_GENERATE_SECONDS(
            "sandbox-generate-seconds",
            "seconds the built-in sandbox takes to make a video",
            "JIMENG_SANDBOX_GENERATE_SECONDS",
            p -> "2",
            (raw, p) -> parseSeconds("SANDBOX_GENERATE_SECONDS", raw),
            m -> List.of(new Choice("2", "seconds (default)")));

    /** Volcengine's endpoint, the default of {@code api-url}. */
    public static final String DEFAULT_API_URL = "https://visual.volcengineapi.com";

    /** The value of a cap that is not set. */
    public static final String NO_CAP = "none";

    private static List<Choice> capChoices() {
        return List.of(new Choice(NO_CAP, "no cap (default)"));
    }

    static final int MAX_CONCURRENCY = 10;

    /**
     * Bounds of second values, in a class of their own: BigDecimal's class initialisation takes 10 ms
     * of CPU, which a start need not pay before a value is checked.
     */
    private static final class Bounds {
        static final BigDecimal ONE_YEAR = new BigDecimal(365L * 24 * 3600);
        static final BigDecimal MIN_POLL = new BigDecimal("0.1");
        static final BigDecimal MAX_POLL = new BigDecimal("3600");

        private Bounds() {}
    }

    private final String key;
    private final String description;
    private final String environmentVariable;
    private final Function<JimengPaths, String> defaultValue;
    private final BiFunction<String, JimengPaths, String> parser;
    private final Function<ModeSpec, List<Choice>> choices;

    Setting(
            String key,
            String description,
            String environmentVariable,
            Function<JimengPaths, String> defaultValue,
            BiFunction<String, JimengPaths, String> parser,
            Function<ModeSpec, List<Choice>> choices) {
        this.key = key;
        this.description = description;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.choices = choices;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets this, if there is one. */
    public Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    public String defaultValue(JimengPaths paths) {
        return defaultValue.apply(paths);
    }

    /**
     * Checks and normalises a typed value.
     *
     * @throws InvalidSettingException with a one-line message naming the problem and the fix
     */
    public String parse(String raw, JimengPaths paths) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidSettingException(key + ": no value given; " + fix());
        }
        try {
            return parser.apply(raw.strip(), paths);
        } catch (InvalidSettingException e) {
            // shared parsers (amounts) do not know the key: name it here
            throw e.getMessage().startsWith(key + ":") ? e : new InvalidSettingException(key + ": " + e.getMessage());
        }
    }

    /**
     * Values to offer when completing this setting. Durations and fps are the ones {@code modeInEffect}
     * supports (all modes' values when it is null); free-form settings offer a few examples or nothing.
     */
    public List<Choice> choices(ModeSpec modeInEffect) {
        return choices.apply(modeInEffect);
    }

    public static Optional<Setting> byKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }

    /** Like {@link #byKey} but fails with a message listing the known keys. */
    public static Setting require(String key) {
        return byKey(key).orElseThrow(() -> unknown(key, "setting"));
    }

    /** "unknown setting 'x'; did you mean y?" (or the list of keys when none is close). */
    public static InvalidSettingException unknown(String key, String what) {
        String fix = dev.jimeng.text.Spelling.closest(key, keys())
                .map(k -> "did you mean " + k + "?")
                .orElse("use one of " + String.join(", ", keys()));
        return new InvalidSettingException("unknown " + what + " '" + key + "'; " + fix);
    }

    private String fix() {
        List<Choice> c = choices(null);
        return switch (this) {
            case OUTPUT_DIR -> "give a folder path";
            case SEED -> "give a whole number: " + Capabilities.SEED_RANGE;
            case CONCURRENCY -> "give a whole number from 1 to " + MAX_CONCURRENCY;
            case POLL_INTERVAL -> "give seconds from " + Bounds.MIN_POLL + " to " + Bounds.MAX_POLL + ", e.g. 5 or 2.5";
            case API_URL -> "give an http(s) URL such as " + DEFAULT_API_URL;
            case API_TIMEOUT, JOURNAL_RETRY_SECONDS -> "give a positive number of seconds, e.g. 300 or 0.5";
            case RETRY_BACKOFF -> "give a positive number of seconds up to " + Bounds.MAX_POLL + ", e.g. 1 or 0.5";
            case SANDBOX_QUEUE_SECONDS, SANDBOX_GENERATE_SECONDS -> "give seconds from 0 to " + Bounds.MAX_POLL;
            case MAX_POLL_ATTEMPTS -> "give a whole number of at least 1";
            default -> "use one of " + c.stream().map(Choice::value).collect(Collectors.joining(", "));
        };
    }

    private InvalidSettingException invalid(String raw, String problem) {
        return new InvalidSettingException(key + ": '" + raw + "' " + problem + "; " + fix());
    }

    private static String parseMode(String raw) {
        String m = raw.toLowerCase(Locale.ROOT);
        if (Capabilities.mode(m).isEmpty()) throw MODE.invalid(raw, "is not a mode");
        return m;
    }

    private static String parseDuration(String raw) {
        int seconds = wholeNumber(DURATION, raw);
        if (!allDurations().contains(seconds)) {
            throw DURATION.invalid(raw, "is not a length the API makes");
        }
        return Integer.toString(seconds);
    }

    private static String parseFps(String raw) {
        int fps = wholeNumber(FPS, raw);
        if (!allFps().contains(fps)) throw FPS.invalid(raw, "is not a frame rate the API makes");
        return Integer.toString(fps);
    }

    private static String parseAspectRatio(String raw) {
        if (!Capabilities.ASPECT_RATIOS.contains(raw)) throw ASPECT_RATIO.invalid(raw, "is not a supported ratio");
        return raw;
    }

    private static String parseDirectory(String raw, JimengPaths paths) {
        try {
            return paths.userPath(raw).toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw OUTPUT_DIR.invalid(raw, "is not a valid path");
        }
    }

    private static String parseSeed(String raw) {
        if (raw.equalsIgnoreCase("random")) return "-1";
        long seed;
        try {
            seed = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw SEED.invalid(raw, "is not a whole number");
        }
        if (!Capabilities.isValidSeed(seed)) throw SEED.invalid(raw, "is out of range");
        return Long.toString(seed);
    }

    private static String parseConcurrency(String raw) {
        int n = wholeNumber(CONCURRENCY, raw);
        if (n < 1 || n > MAX_CONCURRENCY) throw CONCURRENCY.invalid(raw, "is out of range");
        return Integer.toString(n);
    }

    private static String parsePollInterval(String raw) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw POLL_INTERVAL.invalid(raw, "is not a number of seconds");
        }
        if (seconds.compareTo(Bounds.MIN_POLL) < 0 || seconds.compareTo(Bounds.MAX_POLL) > 0) {
            throw POLL_INTERVAL.invalid(raw, "is out of range");
        }
        return seconds.stripTrailingZeros().toPlainString();
    }

    /** A cap in CNY: a number of at least 0 (two decimals kept), or "none". */
    private static String parseCap(String raw, JimengPaths paths) {
        if (raw.strip().equalsIgnoreCase(NO_CAP)) {
            return NO_CAP;
        }
        return amount(raw, "is not an amount of CNY or 'none'");
    }

    private static String parsePrice(String raw, JimengPaths paths) {
        return amount(raw, "is not a price in CNY per second");
    }

    private static String amount(String raw, String problem) {
        try {
            BigDecimal cny = new BigDecimal(raw.strip());
            if (cny.signum() < 0) {
                throw new NumberFormatException();
            }
            return cny.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("'" + raw + "' " + problem + "; give a number such as 1.40");
        }
    }

    private static String price(double cnyPerSecond) {
        return BigDecimal.valueOf(cnyPerSecond).stripTrailingZeros().toPlainString();
    }

    /** An http(s) URL with a host and no query, fragment or user name (the one the client accepts). */
    private static String parseUrl(String raw) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(raw);
        } catch (java.net.URISyntaxException e) {
            throw API_URL.invalid(raw, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw API_URL.invalid(raw, "is not an http(s) URL");
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw API_URL.invalid(raw, "has no host name");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw API_URL.invalid(raw, "must not have a query, fragment or user name");
        }
        return raw;
    }

    /** Seconds in the range of the setting named by its constant's name. */
    private static String parseSeconds(String name, String raw) {
        Setting s = valueOf(name);
        BigDecimal max = s == API_TIMEOUT || s == JOURNAL_RETRY_SECONDS ? Bounds.ONE_YEAR : Bounds.MAX_POLL;
        boolean zeroAllowed = s == SANDBOX_QUEUE_SECONDS || s == SANDBOX_GENERATE_SECONDS;
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw s.invalid(raw, "is not a number of seconds");
        }
        int low = seconds.signum();
        if (low < 0 || (low == 0 && !zeroAllowed) || seconds.compareTo(max) > 0) {
            throw s.invalid(raw, "is out of range");
        }
        return seconds.stripTrailingZeros().toPlainString();
    }

    private static String parseAtLeastOne(String raw) {
        int n = wholeNumber(MAX_POLL_ATTEMPTS, raw);
        if (n < 1) throw MAX_POLL_ATTEMPTS.invalid(raw, "is out of range");
        return Integer.toString(n);
    }

    private static String parseNotify(String raw) {
        String n = raw.toLowerCase(Locale.ROOT);
        return Arrays.stream(NotifyStyle.values())
                .map(NotifyStyle::key)
                .filter(n::equals)
                .findFirst()
                .orElseThrow(() -> NOTIFY.invalid(raw, "is not a notify style"));
    }

    /** An on/off setting named by its constant's name: true, false, or their usual spellings (yes/no, on/off, 1/0). */
    private static String parseSwitch(String name, String raw) {
        Setting s = valueOf(name);
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> "true";
            case "false", "no", "off", "0" -> "false";
            default -> throw s.invalid(raw, "is not true or false");
        };
    }

    private static int wholeNumber(Setting s, String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw s.invalid(raw, "is not a whole number");
        }
    }

    private static TreeSet<Integer> allDurations() {
        return Capabilities.modes().stream()
                .flatMap(m -> m.framesBySeconds().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static TreeSet<Integer> allFps() {
        return Capabilities.modes().stream()
                .flatMap(m -> m.fps().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Choice> durationChoices(ModeSpec mode) {
        if (mode != null) {
            return mode.framesBySeconds().entrySet().stream()
                    .map(e -> new Choice(e.getKey().toString(), "seconds (" + e.getValue() + " frames)"))
                    .toList();
        }
        return allDurations().stream()
                .map(s -> new Choice(s.toString(), "seconds"))
                .toList();
    }

    private static List<Choice> fpsChoices(ModeSpec mode) {
        List<Integer> fps = mode != null ? mode.fps() : List.copyOf(allFps());
        return fps.stream()
                .map(f -> new Choice(f.toString(), "frames per second"))
                .toList();
    }

    private static String aspectDescription(String ratio) {
        return switch (ratio) {
            case "16:9" -> "landscape (default)";
            case "21:9" -> "wide landscape";
            case "4:3" -> "landscape";
            case "1:1" -> "square";
            case "3:4", "9:16" -> "portrait";
            default -> "";
        };
    }
}
