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

    private NativeSqlite() {}

    /** Points sqlite-jdbc at the library kept in {@code stateDir}, unpacking it there first if needed. */
    static synchronized void useKeptCopy(Path stateDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // the user (or an earlier journal) chose already
        }
        String name = System.mapLibraryName("sqlitejdbc");
        String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
        URL packed = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + folder + "/" + name);
        if (packed == null) {
            return; // not a platform sqlite-jdbc ships; it will say so itself
        }
        Path dir = stateDir.resolve("native")
                .resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + folder.replace('/', '-'));
        try {
            keep(packed, dir.resolve(name));
        } catch (IOException | RuntimeException e) {
            return; // read-only home, full disk…: sqlite-jdbc unpacks to the temp folder as before
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
    }

    /** Copies {@code packed} to {@code kept} unless a copy of the same size is there already. */
    private static void keep(URL packed, Path kept) throws IOException {
        URLConnection connection = packed.openConnection();
        long size = connection.getContentLengthLong(); // from the jar's directory, nothing inflated
        if (Files.isRegularFile(kept) && Files.size(kept) == size) {
            return;
        }
        PrivateFiles.createDirectories(kept.getParent());
        // a unique temp name and an atomic rename: two starts unpacking at once both end well
        Path part = Files.createTempFile(kept.getParent(), kept.getFileName().toString(), ".part");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size >= 0 && Files.size(part) != size) {
                throw new IOException("unpacked " + Files.size(part) + " bytes of " + size);
            }
            Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
