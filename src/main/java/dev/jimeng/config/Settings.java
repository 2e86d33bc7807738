package dev.jimeng.config;

import dev.jimeng.time.Seconds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings in effect, layered: session (set in the shell) over environment over config file over
 * default. Each value remembers its {@link Origin}. Bad values in the environment or the config file are
 * not applied; each is reported by {@link #problems()} (place, key, value and the valid values), and the
 * program refuses to run until they are fixed: falling back to a default would make, and bill, a video
 * other than the one configured.
 *
 * <p>The config file is {@code config.properties} in {@link JimengPaths#configDir()}, keyed like
 * {@link Setting#key()}. {@link #save(String)} writes one value into it and keeps every other key.
 * Thread-safe (the shell's completer reads while commands write).
 */
public final class Settings {
    private final JimengPaths paths;
    private final Map<Setting, ResolvedSetting> environment = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> configFile = new EnumMap<>(Setting.class);
    private final Map<Setting, ResolvedSetting> session = new EnumMap<>(Setting.class);
    private final List<String> problems = new ArrayList<>();

    private Settings(JimengPaths paths) {
        this.paths = paths;
    }

    /** Reads the config file (if there is one) and the given environment. */
    public static Settings load(JimengPaths paths, Map<String, String> env) {
        Settings settings = new Settings(paths);
        settings.readConfigFile();
        settings.readEnvironment(env);
        return settings;
    }

    public JimengPaths paths() {
        return paths;
    }

    /** One line per value that cannot be used (bad environment variable, bad config entry, unreadable file). */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized ResolvedSetting get(Setting setting) {
        ResolvedSetting r = session.get(setting);
        if (r == null) r = environment.get(setting);
        if (r == null) r = configFile.get(setting);
        if (r == null) r = new ResolvedSetting(setting, setting.defaultValue(paths), new Origin.Default());
        return r;
    }

    /** @throws InvalidSettingException for an unknown key */
    public ResolvedSetting get(String key) {
        return get(Setting.require(key));
    }

    /** Every setting in catalogue order, for the {@code settings} command. */
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
     * Drops the session value; the environment, config file or default applies again. The config file is
     * not changed. Returns the value now in effect.
     */
    public synchronized ResolvedSetting unset(String key) {
        Setting setting = Setting.require(key);
        session.remove(setting);
        return get(setting);
    }

    /**
     * Writes the value in effect of {@code key} (and nothing else) into the config file, keeping its
     * other keys, through a temporary file moved into place (a crash never leaves half a file). The
     * session value stays in effect.
     *
     * @return the file written
     * @throws InvalidSettingException for an unknown key
     */
    public synchronized Path save(String key) throws IOException {
        ResolvedSetting saved = get(Setting.require(key));
        Path file = paths.configFile();
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
        }
        props.setProperty(saved.key(), saved.value());
        PrivateFiles.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".config", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "jimeng settings (keys: " + String.join(", ", Setting.keys()) + ")");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrivateFiles.restrict(file); // the temporary file was 0600 already; an older file may not be
        configFile.put(
                saved.setting(), new ResolvedSetting(saved.setting(), saved.value(), new Origin.ConfigFile(file)));
        return file;
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

    public NotifyStyle notifyStyle() {
        return NotifyStyle.valueOf(get(Setting.NOTIFY).value().toUpperCase(java.util.Locale.ROOT));
    }

    // ---- loading ---------------------------------------------------------------------------------

    private void readConfigFile() {
        Path file = paths.configFile();
        if (!Files.isRegularFile(file)) return;
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("config file " + file + ": cannot be read (" + e.getMessage() + "); fix or delete it");
            return;
        }
        Origin origin = new Origin.ConfigFile(file);
        for (Setting s : Setting.values()) {
            String raw = props.getProperty(s.key());
            if (raw == null) continue;
            try {
                configFile.put(s, new ResolvedSetting(s, s.parse(raw, paths), origin));
            } catch (InvalidSettingException e) {
                problems.add("config file " + file + ": " + e.getMessage());
            }
        }
    }

    private void readEnvironment(Map<String, String> env) {
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
}
