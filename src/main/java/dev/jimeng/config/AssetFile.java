package dev.jimeng.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code assets.toml} in the config folder: image asset aliases, one {@code name = "/absolute/file"} a
 * line. Kept apart from config.toml so aliases are not settings and a rewrite touches nothing else.
 */
public final class AssetFile {
    public static final String FILE_NAME = "assets.toml";
    private static final String KIND = "asset";

    private final Path file;

    public AssetFile(JimengPaths paths) {
        this.file = paths.configDir().resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * Every alias by name, sorted; names that break {@link SavedNames} (a hand edit) are left out.
     *
     * @throws IOException when the file cannot be read or is not TOML
     */
    public Map<String, Path> read() throws IOException {
        Map<String, Path> aliases = new TreeMap<>();
        TomlFile.read(file).values(null).forEach((name, value) -> {
            try {
                aliases.put(SavedNames.check(KIND, name), Path.of(value));
            } catch (IllegalArgumentException e) {
                // not an alias anyone can type: skip it rather than refuse every image
            }
        });
        return aliases;
    }

    /** Points {@code name} at {@code image} (absolute), replacing what it pointed at. */
    public void put(String name, Path image) throws IOException {
        TomlFile toml = TomlFile.read(file);
        toml.put(
                null,
                SavedNames.check(KIND, name),
                image.toAbsolutePath().normalize().toString());
        toml.write();
    }

    /** Removes {@code name}; false when there was none. */
    public boolean remove(String name) throws IOException {
        TomlFile toml = TomlFile.read(file);
        boolean removed = toml.remove(null, name);
        if (removed) {
            toml.write();
        }
        return removed;
    }
}
