package dev.jimeng.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** One video cache per test JVM: the first test that needs a size encodes it, the rest reuse it. */
final class TestCache {
    private static final Path DIR = create();

    private TestCache() {}

    static Path dir() {
        return DIR;
    }

    /** A sandbox config for tests: the shared cache, generous limits unless a test sets them. */
    static SandboxConfig.Builder config(java.time.Clock clock) {
        return SandboxConfig.builder().clock(clock).cacheDir(DIR).qpsLimit(1000).concurrencyLimit(100);
    }

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("jimeng-sandbox-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp dir
        }
    }
}
