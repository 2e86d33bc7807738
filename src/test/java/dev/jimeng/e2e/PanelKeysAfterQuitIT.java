package dev.jimeng.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys typed right after {@code q} in the live panel, before the shell reads again, in a real
 * pseudo-terminal (tmux): they belong to the shell's next line, not to the closing panel.
 */
class PanelKeysAfterQuitIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aCommandTypedWithTheQuitKeyReachesTheShell() throws Exception {
        try (Tmux tmux = Tmux.sandboxShell(dir.resolve("home"), 2)) {
            tmux.await("the first prompt", s -> s.contains("jimeng t2v_720p>"), START);
            tmux.type("watch");
            tmux.keys("Enter");
            tmux.await("the panel", s -> s.contains("jimeng jobs ·") && s.contains("q quit"), STEP);

            tmux.paste("qjobs\r"); // one write, as a paste or a fast typist sends it

            tmux.await("the shell ran jobs", s -> s.contains("jimeng t2v_720p> jobs\nno jobs yet"), STEP);
        }
    }
}
