package dev.jimeng.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The one-time move of an earlier version's {@code config.properties} to {@code config.toml}: every
 * key is copied as it was (a bad value is then reported against config.toml, as any other), and the
 * old file is kept as {@code config.properties.migrated} so nothing is lost and it is not read again.
 */
final class ConfigMigration {
    static final String MIGRATED_SUFFIX = ".migrated";

    private ConfigMigration() {}

    /** Migrates when there is a config.properties and no config.toml; returns the notice to show. */
    static Optional<String> migrate(JimengPaths paths) {
        Path legacy = paths.legacyConfigFile();
        Path toml = paths.configFile();
        if (!Files.isRegularFile(legacy) || Files.exists(toml)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(legacy)) {
            props.load(in);
            TomlFile file = TomlFile.empty(toml);
            props.stringPropertyNames().stream().sorted().forEach(k -> file.put(null, k, props.getProperty(k)));
            file.write();
            Path kept = legacy.resolveSibling(legacy.getFileName() + MIGRATED_SUFFIX);
            Files.move(legacy, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Optional.of("moved the settings of " + legacy + " to " + toml + " (the old file is kept as "
                    + kept.getFileName() + ")");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("could not move " + legacy + " to " + toml + " (" + e.getMessage()
                    + "); its settings are not used until it is moved");
        }
    }
}
