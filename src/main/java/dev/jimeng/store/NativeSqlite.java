package dev.jimeng.store;

import dev.jimeng.config.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps SQLite's native library unpacked in the state folder, so a start does not unpack it again.
 *
 * <p>Left alone, sqlite-jdbc copies its 1 MB library out of the jar into the temp folder on every
 * start and deletes it at exit: about 0.15 s of CPU on each {@code jimeng jobs}. Here it is unpacked
 * once per sqlite-jdbc version and platform, under {@code native/} beside the journal, and sqlite-jdbc
 * is pointed at it through its own {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}
 * properties. When that folder cannot be written, nothing is set and sqlite-jdbc does as it always did.
 */
final class NativeSqlite {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    static final String TEMP_PROPERTY = "org.sqlite.tmpdir";

    private NativeSqlite() {}

    /** Points sqlite-jdbc at the library kept in {@code stateDir}, unpacking it there first if needed. */
    static synchronized void useKeptCopy(Path stateDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // the user (or an earlier journal) chose already
        }
        String name = System.mapLibraryName("sqlitejdbc");
        // named from plain system properties: finding the jar's folder for this platform (musl? Android?)
        // makes sqlite-jdbc run uname, which is done only when unpacking
        String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
                .replaceAll("[^A-Za-z0-9._-]", "_");
        Path kept = stateDir.resolve("native")
                .resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform)
                .resolve(name);
        try {
            if (!Files.isRegularFile(kept) && !unpack(name, kept)) {
                return; // not a platform sqlite-jdbc ships; it will say so itself
            }
        } catch (IOException | RuntimeException e) {
            return; // read-only home, full disk…: sqlite-jdbc unpacks to the temp folder as before
        }
        System.setProperty(PATH_PROPERTY, kept.getParent().toString());
        System.setProperty(NAME_PROPERTY, name);
        if (System.getProperty(TEMP_PROPERTY) == null) {
            // sqlite-jdbc lists its temp folder at every start for copies an earlier run left behind;
            // the shared temp folder may hold thousands of files, this one holds the kept library
            System.setProperty(TEMP_PROPERTY, kept.getParent().toString());
        }
    }

    /** Copies this platform's library out of sqlite-jdbc's jar to {@code kept}; false when there is none. */
    private static boolean unpack(String name, Path kept) throws IOException {
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        URL packed = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + folder + "/" + name);
        if (packed == null) {
            return false;
        }
        PrivateFiles.createDirectories(kept.getParent());
        // a unique temp name and an atomic rename: two starts unpacking at once both end well, and a
        // killed one leaves no half library under the kept name
        Path part = Files.createTempFile(kept.getParent(), name, ".part");
        try {
            URLConnection connection = packed.openConnection();
            long size = connection.getContentLengthLong();
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size >= 0 && Files.size(part) != size) {
                throw new IOException("unpacked " + Files.size(part) + " bytes of " + size);
            }
            Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
