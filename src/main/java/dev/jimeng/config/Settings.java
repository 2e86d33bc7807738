package dev.jimeng.config;

import dev.jimeng.text.Spelling;
import dev.jimeng.time.Seconds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The settings in effect, layered (each layer wins over the ones before it): default, {@code
 * config.toml} (its top level, then the active profile's {@code [profile.NAME]} table), environment,
 * command line ({@code --setting KEY=VALUE}), session (set in the shell). Each value remembers its
 * {@link Origin}. Bad values and unknown keys are not applied; each is reported by {@link #problems()}
 * (place, key, value and the valid values, or the closest key), and the program refuses to run until
 * they are fixed: falling back to a default would make, and bill, a video other than the one configured.
 *
 * <p>The active profile is {@code --profile}, else {@code JIMENG_PROFILE}, else the file's {@code
 * default-profile}, else {@code default}. Credentials ({@code access-key}, {@code secret-key}, {@code
 * session-token}) are not settings: they are never shown, and come from the environment, else the
 * credentials file {@code jimeng login} writes, else config.toml ({@link #credentialSource()}).
 *
 * <p>Thread-safe (the shell's completer reads while commands write).
 */
public final class Settings {
    public static final String DEFAULT_PROFILE = "default";
    public static final String PROFILE_VAR = "JIMENG_PROFILE";
    /** The top-level key of config.toml naming the profile used when none is given. */
    public static final String DEFAULT_PROFILE_KEY = "default-profile";

    static final String PROFILE_TABLE = "profile";
    static final String ACCESS_KEY = "access-key";
    static final String SECRET_KEY = "secret-key";
    static final String SESSION_TOKEN = "session-token";
    /** In the credentials file: the secret key is in the OS keychain. */
    static final String KEYCHAIN = "keychain";

    /** Environment variables of the key pair, the seed's names first, then Volcengine's own. */
    static final Map<String, List<String>> CREDENTIAL_VARIABLES = Map.of(
            ACCESS_KEY, List.of("VOLC_ACCESSKEY", "VOLCENGINE_ACCESS_KEY"),
            SECRET_KEY, List.of("VOLC_SECRETKEY", "VOLCENGINE_SECRET_KEY"),
            SESSION_TOKEN, List.of("VOLC_SESSION_TOKEN", "VOLCENGINE_SESSION_TOKEN"));

    private static final java.util.regex.Pattern PROFILE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final JimengPaths paths;
    private final Map<String, String> env;
    private final Map<Setting, ResolvedSetting> fileTop = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> fileProfile = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> environment = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> commandLine = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> session = new EnumMap<>(Setting.class);
    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private TomlFile config;
    private TomlFile credentials;
    private String profile = DEFAULT_PROFILE;
    private Origin profileOrigin = new Origin.Default();

    private Settings(JimengPaths paths, Map<String, String> env) {
        this.paths = paths;
        this.env = Map.copyOf(env);
    }

    /** Reads the config file (if there is one) and the given environment. */
    public static Settings load(JimengPaths paths, Map<String, String> env) {
        return load(paths, env, null, Map.of());
    }

    /**
     * Reads config.toml (migrating a config.properties first), the credentials file, the environment
     * and the command line's {@code --profile} ({@code profileOption}, null when not given) and {@code
     * --setting KEY=VALUE} values.
     */
    public static Settings load(
            JimengPaths paths, Map<String, String> env, String profileOption, Map<String, String> options) {
        return load(paths, env, profileOption, options, false);
    }

    /**
     * As above; with {@code newProfile} a well-formed profile name not yet in any file is accepted
     * ({@code jimeng login --profile NAME} creates it).
     */
    public static Settings load(
            JimengPaths paths,
            Map<String, String> env,
            String profileOption,
            Map<String, String> options,
            boolean newProfile) {
        Settings settings = new Settings(paths, env);
        ConfigMigration.migrate(paths).ifPresent(settings.notices::add);
        settings.config = settings.readToml(paths.configFile(), "config file");
        settings.credentials = settings.readToml(paths.credentialsFile(), "credentials file");
        settings.warnAboutOpenCredentials();
        settings.checkCredentialKeys();
        settings.chooseProfile(profileOption, newProfile);
        settings.readConfigFile();
        settings.readEnvironment();
        settings.readOptions(options);
        return settings;
    }

    /** Defaults and the environment only (no files): what a client built from the environment uses. */
    public static Settings fromEnvironment(Map<String, String> env) {
        Settings settings = new Settings(JimengPaths.resolve(env, Path.of("/"), Path.of("/")), env);
        settings.config = emptyToml(settings.paths.configFile());
        settings.credentials = emptyToml(settings.paths.credentialsFile());
        settings.readEnvironment();
        return settings;
    }

    /**
     * The problems {@code candidate} would have as config.toml (bad values, unknown keys and tables, a
     * default-profile that does not exist, TOML errors), each naming {@code candidate}; empty when it
     * may replace the config file. The environment plays no part.
     */
    public static List<String> check(JimengPaths paths, Path candidate) {
        Settings settings = new Settings(paths, Map.of());
        settings.config = settings.readToml(candidate, "config file");
        settings.credentials = settings.readToml(paths.credentialsFile(), "credentials file");
        settings.chooseProfile(null, false);
        settings.readConfigFile();
        return settings.problems();
    }

    public JimengPaths paths() {
        return paths;
    }

    /** One line per value that cannot be used (bad environment variable, bad config entry, unreadable file). */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** One-line notes for the user: the migration of config.properties. */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    // ---- profiles --------------------------------------------------------------------------------

    /** The active profile's name ({@code default} unless one was chosen). */
    public synchronized String profile() {
        return profile;
    }

    public synchronized Origin profileOrigin() {
        return profileOrigin;
    }

    /** {@code default} and every profile named in config.toml or the credentials file, sorted. */
    public synchronized List<String> profiles() {
        TreeSet<String> names = new TreeSet<>(config.tables(PROFILE_TABLE));
        names.addAll(credentials.tables(PROFILE_TABLE));
        names.remove(DEFAULT_PROFILE);
        List<String> all = new ArrayList<>();
        all.add(DEFAULT_PROFILE);
        all.addAll(names);
        return all;
    }

    /** The profile config.toml names as the default one ({@code default} when it names none). */
    public synchronized String defaultProfile() {
        return config.values(null).getOrDefault(DEFAULT_PROFILE_KEY, DEFAULT_PROFILE);
    }

    /**
     * Makes {@code name} the default profile in config.toml (the other keys kept).
     *
     * @throws InvalidSettingException for a profile that does not exist
     */
    public synchronized Path useProfile(String name) throws IOException {
        String checked = requireProfile(name);
        if (checked.equals(DEFAULT_PROFILE)) {
            config.remove(null, DEFAULT_PROFILE_KEY);
        } else {
            config.put(null, DEFAULT_PROFILE_KEY, checked);
        }
        config.write();
        return config.path();
    }

    /**
     * A known profile's name as given, or an error naming the closest one.
     *
     * @throws InvalidSettingException for an unknown or malformed name
     */
    public synchronized String requireProfile(String name) {
        String n = name == null ? "" : name.strip();
        if (profiles().contains(n)) {
            return n;
        }
        String fix = Spelling.closest(n, profiles())
                .map(p -> "did you mean " + p + "?")
                .orElse("known: " + String.join(", ", profiles())
                        + "; add a [profile." + (PROFILE_NAME.matcher(n).matches() ? n : "NAME")
                        + "] table to " + paths.configFile() + " or run 'jimeng login --profile NAME'");
        throw new InvalidSettingException("unknown profile '" + n + "'; " + fix);
    }

    /**
     * {@code name}, or null when a {@code jimeng} without {@code --profile}, run here, picks that profile
     * (no need to name it in a suggested command line).
     */
    public synchronized String nameFor(String name) {
        NamedProfile bare = namedWithoutOption();
        return name.equals(bare == null ? DEFAULT_PROFILE : bare.name()) ? null : name;
    }

    /** A profile named other than by {@code --profile}, and where. */
    private record NamedProfile(String name, Origin origin) {}

    /** The profile {@code JIMENG_PROFILE}, else the config file's default-profile, names; null: neither. */
    private NamedProfile namedWithoutOption() {
        if (env.get(PROFILE_VAR) != null && !env.get(PROFILE_VAR).isBlank()) {
            return new NamedProfile(env.get(PROFILE_VAR).strip(), new Origin.Environment(PROFILE_VAR));
        }
        if (config.values(null).containsKey(DEFAULT_PROFILE_KEY)) {
            return new NamedProfile(
                    config.values(null).get(DEFAULT_PROFILE_KEY).strip(), new Origin.ConfigFile(config.path()));
        }
        return null;
    }

    /** Whether {@code name} may name a profile (letters, digits, - and _). */
    public static boolean validProfileName(String name) {
        return name != null && PROFILE_NAME.matcher(name).matches();
    }

    // ---- values ----------------------------------------------------------------------------------

    public synchronized ResolvedSetting get(Setting setting) {
        ResolvedSetting r = session.get(setting);
        if (r == null) r = commandLine.get(setting);
        if (r == null) r = environment.get(setting);
        if (r == null) r = fileProfile.get(setting);
        if (r == null) r = fileTop.get(setting);
        if (r == null) r = new ResolvedSetting(setting, setting.defaultValue(paths), new Origin.Default());
        return r;
    }

    /** @throws InvalidSettingException for an unknown key (naming the closest one) */
    public ResolvedSetting get(String key) {
        return get(Setting.require(key));
    }

    /** Every setting in catalogue order, for the {@code settings} and {@code config list} commands. */
    public synchronized List<ResolvedSetting> all() {
        List<ResolvedSetting> list = new ArrayList<>();
        for (Setting s : Setting.values()) list.add(get(s));
        return Collections.unmodifiableList(list);
    }

    /**
     * Sets a session value (it wins over everything until {@link #unset}).
     *
     * @throws InvalidSettingException for an unknown key or a bad value (one-line message)
     */
    public synchronized ResolvedSetting set(String key, String value) {
        Setting setting = Setting.require(key);
        ResolvedSetting r = new ResolvedSetting(setting, setting.parse(value, paths), new Origin.Session());
        session.put(setting, r);
        return r;
    }

    /**
     * Drops the session value; the command line, environment, config file or default applies again. The
     * config file is not changed. Returns the value now in effect.
     */
    public synchronized ResolvedSetting unset(String key) {
        Setting setting = Setting.require(key);
        session.remove(setting);
        return get(setting);
    }

    /**
     * Writes the value in effect of {@code key} (and nothing else) into config.toml, in the active
     * profile's table (the top level for {@code default}), keeping every other key. The session value
     * stays in effect.
     *
     * @return the file written
     * @throws InvalidSettingException for an unknown key
     */
    public synchronized Path save(String key) throws IOException {
        ResolvedSetting saved = get(Setting.require(key));
        return write(saved.setting(), saved.value());
    }

    /**
     * Checks {@code value} and writes it for {@code key} into config.toml (as {@link #save}); it then
     * applies unless a higher layer (environment, command line, session) sets the key.
     *
     * @throws InvalidSettingException for an unknown key or a bad value
     */
    public synchronized Path saveValue(String key, String value) throws IOException {
        Setting setting = Setting.require(key);
        return write(setting, setting.parse(value, paths));
    }

    /**
     * Removes {@code key} from the active profile's part of config.toml. Returns whether it was there.
     *
     * @throws InvalidSettingException for an unknown key
     */
    public synchronized boolean removeSaved(String key) throws IOException {
        Setting setting = Setting.require(key);
        boolean removed = config.remove(table(profile), setting.key());
        if (removed) {
            config.write();
            (profile.equals(DEFAULT_PROFILE) ? fileTop : fileProfile).remove(setting);
        }
        return removed;
    }

    private Path write(Setting setting, String value) throws IOException {
        config.put(table(profile), setting.key(), tomlValue(value));
        config.write();
        Origin origin = new Origin.ConfigFile(config.path(), table(profile));
        (profile.equals(DEFAULT_PROFILE) ? fileTop : fileProfile)
                .put(setting, new ResolvedSetting(setting, value, origin));
        return config.path();
    }

    /**
     * Whole numbers are written as TOML integers, true and false as booleans, everything else as
     * strings (decimals keep their text).
     */
    private static Object tomlValue(String value) {
        if (value.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    /** The table of {@code profile} in config.toml and the credentials file: null (top level) for default. */
    static String table(String profile) {
        return profile.equals(DEFAULT_PROFILE) ? null : PROFILE_TABLE + "." + profile;
    }

    // ---- credentials -----------------------------------------------------------------------------

    /** Which credentials the active profile uses and where they come from, without the secrets. */
    public synchronized CredentialSource credentialSource() {
        Optional<Found> access = credential(ACCESS_KEY);
        Optional<Found> secret = credential(SECRET_KEY);
        if (secret.isEmpty()
                && Boolean.parseBoolean(credentials.values(table(profile)).get(KEYCHAIN))) {
            secret = Optional.of(new Found(null, new Origin.Keychain(CredentialsFile.keychainTool())));
        }
        return new CredentialSource(
                profile,
                access.map(Found::value),
                access.map(Found::origin),
                secret.map(Found::origin),
                credential(SESSION_TOKEN).map(Found::origin));
    }

    /** The secret key from the environment or a file; empty when missing or kept in a keychain. */
    public synchronized Optional<String> secretKey() {
        return credential(SECRET_KEY).map(Found::value);
    }

    /** The STS session token, if one is configured. */
    public synchronized Optional<String> sessionToken() {
        return credential(SESSION_TOKEN).map(Found::value);
    }

    /** The credentials file of {@code jimeng login} (for login and logout). */
    public CredentialsFile credentialsFile() {
        return new CredentialsFile(paths.credentialsFile());
    }

    private record Found(String value, Origin origin) {}

    /** The environment, else the credentials file, else config.toml, for the active profile. */
    private Optional<Found> credential(String key) {
        for (String var : CREDENTIAL_VARIABLES.get(key)) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Found(v.strip(), new Origin.Environment(var)));
            }
        }
        String table = table(profile);
        String stored = normalised(credentials.values(table)).get(key);
        if (stored != null && !stored.isBlank()) {
            return Optional.of(new Found(stored.strip(), new Origin.CredentialsFile(credentials.path(), table)));
        }
        String configured = normalised(config.values(table)).get(key);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new Found(configured.strip(), new Origin.ConfigFile(config.path(), table)));
        }
        return Optional.empty();
    }

    // ---- typed accessors -------------------------------------------------------------------------

    public String mode() {
        return get(Setting.MODE).value();
    }

    public int durationSeconds() {
        return Integer.parseInt(get(Setting.DURATION).value());
    }

    public int fps() {
        return Integer.parseInt(get(Setting.FPS).value());
    }

    public String aspectRatio() {
        return get(Setting.ASPECT_RATIO).value();
    }

    public Path outputDir() {
        return Path.of(get(Setting.OUTPUT_DIR).value());
    }

    /** -1 means a new random seed for every video. */
    public long seed() {
        return Long.parseLong(get(Setting.SEED).value());
    }

    public int concurrency() {
        return Integer.parseInt(get(Setting.CONCURRENCY).value());
    }

    public Duration pollInterval() {
        return Seconds.parse(get(Setting.POLL_INTERVAL).value());
    }

    /** A setting given in seconds (api-timeout, retry-backoff, the sandbox's timings, ...). */
    public Duration seconds(Setting setting) {
        return Seconds.parse(get(setting).value());
    }

    public int maxPollAttempts() {
        return Integer.parseInt(get(Setting.MAX_POLL_ATTEMPTS).value());
    }

    public java.net.URI apiUrl() {
        return java.net.URI.create(get(Setting.API_URL).value());
    }

    /** A cap in CNY (max-cost-per-job, daily-budget, monthly-budget), or empty when not set. */
    public java.util.Optional<java.math.BigDecimal> cap(Setting cap) {
        String value = get(cap).value();
        return Setting.NO_CAP.equals(value)
                ? java.util.Optional.empty()
                : java.util.Optional.of(new java.math.BigDecimal(value));
    }

    /** The estimated price table, as the price-* settings say. */
    public dev.jimeng.mode.Prices prices() {
        return new dev.jimeng.mode.Prices(
                Double.parseDouble(get(Setting.PRICE_720P).value()),
                Double.parseDouble(get(Setting.PRICE_1080P).value()),
                Double.parseDouble(get(Setting.PRICE_PRO).value()));
    }

    /** Whether each video's metadata is written into the MP4 too, not only into its sidecar. */
    public boolean embedMetadata() {
        return Boolean.parseBoolean(get(Setting.EMBED_METADATA).value());
    }

    public NotifyStyle notifyStyle() {
        return NotifyStyle.valueOf(get(Setting.NOTIFY).value().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- loading ---------------------------------------------------------------------------------

    private TomlFile readToml(Path file, String what) {
        try {
            return TomlFile.read(file);
        } catch (IOException e) {
            problems.add(what + " " + file + ": " + e.getMessage() + "; fix it ('jimeng config edit') or delete it");
            return emptyToml(file);
        }
    }

    private static TomlFile emptyToml(Path file) {
        return TomlFile.empty(file);
    }

    /** The credentials file holds only key pairs: anything else is a typo worth naming. */
    private void checkCredentialKeys() {
        List<String> known = List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, KEYCHAIN);
        List<String> tables = new ArrayList<>();
        tables.add(null);
        credentials.tables(PROFILE_TABLE).forEach(name -> tables.add(PROFILE_TABLE + "." + name));
        for (String table : tables) {
            for (String key : normalised(credentials.values(table)).keySet()) {
                if (!known.contains(key)) {
                    String fix = Spelling.closest(key, known)
                            .map(k -> "did you mean " + k + "?")
                            .orElse("use " + String.join(", ", known));
                    problems.add(new Origin.CredentialsFile(credentials.path(), table).describe() + ": unknown key '"
                            + key + "'; " + fix);
                }
            }
        }
    }

    private void warnAboutOpenCredentials() {
        try {
            if (credentialsFile().readableByOthers()) {
                notices.add("warning: " + credentials.path() + " holds keys and others may read it: run 'chmod 600 "
                        + credentials.path() + "' (or 'jimeng login' again)");
            }
        } catch (IOException e) {
            // cannot read its permissions: nothing to warn about that the read would not say
        }
    }

    private void chooseProfile(String option, boolean newProfile) {
        String chosen;
        NamedProfile named = option == null ? namedWithoutOption() : null;
        if (option != null) {
            chosen = option;
            profileOrigin = new Origin.CommandLine("--profile");
        } else if (named != null) {
            chosen = named.name();
            profileOrigin = named.origin();
        } else {
            return;
        }
        try {
            profile = newProfile && validProfileName(chosen.strip()) ? chosen.strip() : requireProfile(chosen.strip());
        } catch (InvalidSettingException e) {
            problems.add(profileOrigin.describe() + ": " + e.getMessage());
        }
    }

    private void readConfigFile() {
        List<String> tables = config.topTables();
        for (String t : tables) {
            if (!t.equals(PROFILE_TABLE)) {
                problems.add(
                        "config file " + config.path() + ": unknown table [" + t + "]; profiles are [profile.NAME]");
            }
        }
        readTable(null, fileTop, true);
        for (String name : config.tables(PROFILE_TABLE)) {
            if (!validProfileName(name)) {
                problems.add("config file " + config.path() + ": profile name '" + name
                        + "' may have only letters, digits, - and _");
            }
            readTable(
                    PROFILE_TABLE + "." + name,
                    name.equals(profile) ? fileProfile : new EnumMap<>(Setting.class),
                    false);
        }
    }

    /** Reads one table's keys into {@code into}; every key is checked, whichever profile is active. */
    private void readTable(String table, Map<Setting, ResolvedSetting> into, boolean top) {
        Origin origin = new Origin.ConfigFile(config.path(), table);
        for (Map.Entry<String, String> e : config.values(table).entrySet()) {
            String key = e.getKey().strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (CREDENTIAL_VARIABLES.containsKey(key) || (top && key.equals(DEFAULT_PROFILE_KEY))) {
                continue;
            }
            Optional<Setting> setting = Setting.byKey(key);
            if (top && key.equals(PROFILE_TABLE)) {
                problems.add(origin.describe() + ": 'profile' names the [profile.NAME] tables; choose the default"
                        + " one with " + DEFAULT_PROFILE_KEY + " = \"NAME\" ('jimeng profile use NAME')");
                continue;
            }
            if (setting.isEmpty()) {
                problems.add(origin.describe() + ": "
                        + Setting.unknown(e.getKey(), "key").getMessage());
                continue;
            }
            try {
                into.put(
                        setting.get(),
                        new ResolvedSetting(setting.get(), setting.get().parse(e.getValue(), paths), origin));
            } catch (InvalidSettingException ex) {
                problems.add(origin.describe() + ": " + ex.getMessage());
            }
        }
    }

    private void readEnvironment() {
        for (Setting s : Setting.values()) {
            String var = s.environmentVariable().orElse(null);
            if (var == null) continue;
            String raw = env.get(var);
            if (raw == null || raw.isBlank()) continue;
            try {
                environment.put(s, new ResolvedSetting(s, s.parse(raw, paths), new Origin.Environment(var)));
            } catch (InvalidSettingException e) {
                problems.add("environment " + var + ": " + e.getMessage() + " (or unset " + var + ")");
            }
        }
    }

    private void readOptions(Map<String, String> options) {
        Origin origin = new Origin.CommandLine("--setting");
        options.forEach((key, raw) -> {
            try {
                Setting s = Setting.require(key);
                commandLine.put(s, new ResolvedSetting(s, s.parse(raw, paths), origin));
            } catch (InvalidSettingException e) {
                problems.add("--setting " + key + ": " + e.getMessage());
            }
        });
    }

    private static Map<String, String> normalised(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.strip().toLowerCase(Locale.ROOT).replace('_', '-'), v));
        return out;
    }
}
