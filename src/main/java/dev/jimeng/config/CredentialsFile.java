package dev.jimeng.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The file {@code jimeng login} keeps key pairs in ({@code credentials.toml} beside config.toml),
 * shaped like config.toml: the default profile at the top level, others in {@code [profile.NAME]}.
 * It is created 0600 and rewritten through a 0600 temporary file; a secret kept in the OS keychain
 * leaves only {@code keychain = true} and the access key id here.
 */
public final class CredentialsFile {
    private final Path file;

    CredentialsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The keychain tool of this OS: {@code security} on macOS, else {@code secret-tool}. */
    public static String keychainTool() {
        return System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("mac")
                ? "security"
                : "secret-tool";
    }

    /**
     * Stores a profile's key pair, replacing what it had; {@code secretKey} null means the secret is in
     * the keychain. Every other profile is kept.
     */
    public void store(String profile, String accessKey, String secretKey, String sessionToken) throws IOException {
        TomlFile toml = TomlFile.read(file);
        String table = Settings.table(profile);
        for (String key :
                new String[] {Settings.ACCESS_KEY, Settings.SECRET_KEY, Settings.SESSION_TOKEN, Settings.KEYCHAIN}) {
            toml.remove(table, key);
        }
        toml.put(table, Settings.ACCESS_KEY, accessKey);
        if (secretKey == null) {
            toml.put(table, Settings.KEYCHAIN, Boolean.TRUE);
        } else {
            toml.put(table, Settings.SECRET_KEY, secretKey);
        }
        if (sessionToken != null) {
            toml.put(table, Settings.SESSION_TOKEN, sessionToken);
        }
        toml.write();
    }

    /** Removes a profile's credentials; returns the access key id it had, if any. */
    public Optional<String> remove(String profile) throws IOException {
        TomlFile toml = TomlFile.read(file);
        String table = Settings.table(profile);
        Optional<String> accessKey = Optional.ofNullable(toml.values(table).get(Settings.ACCESS_KEY));
        boolean changed = false;
        for (String key :
                new String[] {Settings.ACCESS_KEY, Settings.SECRET_KEY, Settings.SESSION_TOKEN, Settings.KEYCHAIN}) {
            changed |= toml.remove(table, key);
        }
        if (changed) {
            toml.write();
        }
        return accessKey;
    }

    /** Whether the file exists and others (group or world) may read it: worth a warning. */
    public boolean readableByOthers() throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return false;
        }
        Set<PosixFilePermission> p = view.readAttributes().permissions();
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    }
}
