package dev.jimeng.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The directories jimeng reads and writes. If {@code JIMENG_HOME} is set, one directory holds config and
 * state; otherwise the XDG base directories are used: config in {@code $XDG_CONFIG_HOME/jimeng} (default
 * {@code ~/.config/jimeng}), state (job journal, shell history) in {@code $XDG_STATE_HOME/jimeng} (default
 * {@code ~/.local/state/jimeng}). Videos go to {@code <cwd>/generated_videos} unless the {@code output-dir}
 * setting says otherwise (its environment variable {@code JIMENG_OUTPUT_DIR} is applied by {@link Settings},
 * so the origin of the value can be shown).
 *
 * <p>Built from an environment map, the user's home and the working directory so tests need neither.
 */
public final class JimengPaths {
    public static final String HOME_VAR = "JIMENG_HOME";
    public static final String CONFIG_FILE_NAME = "config.toml";
    /** The settings file of earlier versions, migrated once to config.toml. */
    public static final String LEGACY_CONFIG_FILE_NAME = "config.properties";
    /** Where {@code jimeng login} keeps key pairs (0600). */
    public static final String CREDENTIALS_FILE_NAME = "credentials.toml";

    public static final String OUTPUT_FOLDER_NAME = "generated_videos";

    private final Path configDir;
    private final Path stateDir;
    private final Path userHome;
    private final Path cwd;

    private JimengPaths(Path configDir, Path stateDir, Path userHome, Path cwd) {
        this.configDir = configDir;
        this.stateDir = stateDir;
        this.userHome = userHome;
        this.cwd = cwd;
    }

    /**
     * The user's home: {@code HOME} when it is an absolute path, as the shell that expands {@code ~}
     * reads it, else {@code javaUserHome}. Java's {@code user.home} comes from the password database and
     * ignores {@code HOME}, so {@code HOME=/tmp/x jimeng} (a container, a CI job, sudo) would use another
     * user's config and journal.
     */
    public static Path userHomeOf(Map<String, String> env, Path javaUserHome) {
        String home = nonBlank(env.get("HOME"));
        if (home != null) {
            try {
                Path p = Path.of(home);
                if (p.isAbsolute()) {
                    return p.normalize();
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path here (a Windows HOME in POSIX form): the fallback
            }
        }
        return javaUserHome;
    }

    /** This process's {@link #userHomeOf(Map, Path)}. */
    public static Path processUserHome() {
        return userHomeOf(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the directories from this environment, home and working directory (both absolute). */
    public static JimengPaths resolve(Map<String, String> env, Path userHome, Path cwd) {
        Objects.requireNonNull(env, "env");
        Path home = userHome.toAbsolutePath().normalize();
        Path work = cwd.toAbsolutePath().normalize();
        String jimengHome = nonBlank(env.get(HOME_VAR));
        if (jimengHome != null) {
            Path dir = expand(jimengHome, home, work);
            return new JimengPaths(dir, dir, home, work);
        }
        Path config = xdg(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("jimeng");
        Path state = xdg(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"))
                .resolve("jimeng");
        return new JimengPaths(config, state, home, work);
    }

    public Path configDir() {
        return configDir;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path configFile() {
        return configDir.resolve(CONFIG_FILE_NAME);
    }

    public Path legacyConfigFile() {
        return configDir.resolve(LEGACY_CONFIG_FILE_NAME);
    }

    public Path credentialsFile() {
        return configDir.resolve(CREDENTIALS_FILE_NAME);
    }

    public Path jobsDatabase() {
        return stateDir.resolve("jobs.db");
    }

    public Path historyFile() {
        return stateDir.resolve("history");
    }

    /** {@code <cwd>/generated_videos}, the default of the {@code output-dir} setting. */
    public Path defaultOutputDir() {
        return cwd.resolve(OUTPUT_FOLDER_NAME);
    }

    public Path userHome() {
        return userHome;
    }

    public Path workingDirectory() {
        return cwd;
    }

    /** A path as a user types it: {@code ~} and {@code ~/x} mean the home, relative means from the cwd. */
    public Path userPath(String typed) {
        return expand(typed.strip(), userHome, cwd);
    }

    /**
     * The one expansion of a typed path, for settings, --output, image files and completion: {@code ~}
     * and {@code ~/x} mean {@code home}, anything else relative is taken from {@code cwd}; the result
     * is absolute and normalised.
     */
    public static Path expand(String typed, Path home, Path cwd) {
        String t = typed;
        Path p;
        if (t.equals("~")) {
            p = home;
        } else if (t.startsWith("~/") || t.startsWith("~" + java.io.File.separator)) {
            p = home.resolve(t.substring(2));
        } else {
            p = cwd.resolve(t);
        }
        return p.toAbsolutePath().normalize();
    }

    /** XDG says relative values are invalid and must be ignored. */
    private static Path xdg(String value, Path fallback) {
        String v = nonBlank(value);
        if (v == null) return fallback;
        Path p = Path.of(v);
        return p.isAbsolute() ? p.normalize() : fallback;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "JimengPaths[config=" + configDir + ", state=" + stateDir + "]";
    }
}
