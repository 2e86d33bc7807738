package dev.jimeng.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code templates.toml} in the config folder: saved prompt templates, one table each
 * ({@code [template.NAME]} with {@code prompt = "…"} and the generate options it carries, such as
 * {@code mode} or {@code duration}). This class keeps the fields as text; what they mean is the
 * caller's.
 */
public final class TemplateFile {
    public static final String FILE_NAME = "templates.toml";
    private static final String TABLE = "template";
    private static final String KIND = "template";

    private final Path file;

    public TemplateFile(JimengPaths paths) {
        this.file = paths.configDir().resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * Every template's fields by name, sorted; tables whose names break {@link SavedNames} are left out.
     *
     * @throws IOException when the file cannot be read or is not TOML
     */
    public Map<String, Map<String, String>> read() throws IOException {
        TomlFile toml = TomlFile.read(file);
        Map<String, Map<String, String>> templates = new TreeMap<>();
        for (String name : toml.tables(TABLE)) {
            try {
                templates.put(SavedNames.check(KIND, name), toml.values(TABLE + "." + name));
            } catch (IllegalArgumentException e) {
                // a hand-made table no command could name: skip it
            }
        }
        return templates;
    }

    /** Saves {@code name} with exactly these fields (numbers as numbers), replacing a template of that name. */
    public void put(String name, Map<String, Object> fields) throws IOException {
        String table = TABLE + "." + SavedNames.check(KIND, name);
        TomlFile toml = TomlFile.read(file);
        for (String old : toml.values(table).keySet()) {
            toml.remove(table, old);
        }
        fields.forEach((key, value) -> toml.put(table, key, value));
        toml.write();
    }

    /** Removes {@code name}; false when there was none. */
    public boolean remove(String name) throws IOException {
        String table = TABLE + "." + name;
        TomlFile toml = TomlFile.read(file);
        boolean removed = false;
        for (String key : toml.values(table).keySet()) {
            removed |= toml.remove(table, key);
        }
        if (removed) {
            toml.write();
        }
        return removed;
    }
}
