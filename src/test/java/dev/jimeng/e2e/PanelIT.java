package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live panel inside the packaged jar's shell, in a real pseudo-terminal (tmux): a row goes from
 * generating to done, d downloads again, Enter opens the details, q gives the shell back with its
 * prompt and history.
 */
class PanelIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration JOB = Duration.ofSeconds(90);
    private static final Pattern QUEUED = Pattern.compile("(?m)^(\\w{8}) queued · t2v_720p");

    @TempDir
    Path dir;

    @Test
    void watchShowsAJobFinishingActsOnItAndGivesTheShellBack() throws Exception {
        Path videos = dir.resolve("videos");
        // generating lasts long enough to be seen in the panel before it is done
        try (Tmux tmux = Tmux.sandboxShell(dir.resolve("home"), 6)) {
            tmux.await("the first prompt", s -> s.contains("jimeng t2v_720p>"), START);
            tmux.type("set output-dir " + videos);
            tmux.keys("Enter");
            tmux.type("\"a red fox in the snow\"");
            tmux.keys("Enter");
            String id = id(tmux.await("the job id", s -> QUEUED.matcher(s).find(), STEP));

            tmux.type("watch");
            tmux.keys("Enter");
            tmux.await("the panel", s -> s.contains("jimeng jobs ·") && s.contains("q quit"), STEP);
            tmux.await("the row generating", s -> row(s, id).contains("generating"), JOB);
            tmux.await("the row done", s -> row(s, id).contains("done"), JOB);
            assertThat(mp4s(videos)).hasSize(1);

            tmux.keys("d");
            tmux.await("a second copy downloaded", s -> mp4s(videos).size() == 2, JOB);
            tmux.keys("Enter");
            String details =
                    tmux.await("the details pane", s -> s.contains("details") && s.contains("Prompt: a red fox"), STEP);
            assertThat(details).contains("jimeng --sandbox download " + id);

            tmux.keys("q");
            tmux.await(
                    "the shell prompt back, with the notices that waited for the panel",
                    // the fresh, empty prompt: the restored screen's own last row is "… watch", and a
                    // key sent before the shell reads again may still go to the panel's key pump
                    s -> !s.contains("q quit")
                            && lastPromptRow(s).equals("jimeng t2v_720p>")
                            && s.contains("✔ " + id + " done"),
                    STEP);
            tmux.keys("Up");
            tmux.await("history recalls watch", s -> lastPromptRow(s).equals("jimeng t2v_720p> watch"), STEP);
            tmux.keys("C-u");
            tmux.type("jobs");
            tmux.keys("Enter");
            tmux.await(
                    "the shell still runs commands", s -> s.lines().anyMatch(r -> r.matches(id + " .*done.*")), STEP);
            tmux.type("exit");
            tmux.keys("Enter");
            tmux.await("a clean exit", s -> s.contains("jimeng exited 0"), STEP);
        }
    }

    private static String id(String screen) {
        Matcher m = QUEUED.matcher(screen);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String row(String screen, String id) {
        return screen.lines().filter(r -> r.startsWith(id + " ")).findFirst().orElse("");
    }

    private static String lastPromptRow(String screen) {
        List<String> rows = screen.lines().map(String::stripTrailing).toList();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).startsWith("jimeng ")) {
                return rows.get(i);
            }
        }
        return "";
    }

    private static List<Path> mp4s(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
