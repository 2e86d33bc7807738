package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set of three variants in the live panel of the packaged jar's shell, in a real pseudo-terminal
 * (tmux): one collapsed row with its counts, → opens it with the three jobs indented under it, p
 * picks one (the journal keeps it: jobs shows it), ← folds it again.
 */
class PanelGroupsIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration JOBS = Duration.ofSeconds(120);
    private static final Pattern PICKED = Pattern.compile("(\\w{8}) picked as the winner of group");
    private static final Pattern QUEUED =
            Pattern.compile("3 jobs queued as group (\\w{8}): (\\w{8}) (\\w{8}) (\\w{8})");

    @TempDir
    Path dir;

    @Test
    void aSetOfThreeVariantsIsOneRowThatOpensAndFolds() throws Exception {
        try (Tmux tmux = Tmux.sandboxShell(dir.resolve("home"), 2)) {
            tmux.await("the first prompt", s -> s.contains("jimeng t2v_720p>"), START);
            tmux.type("set output-dir " + dir.resolve("videos"));
            tmux.keys("Enter");
            tmux.type("generate \"a fox on a hill\" --variants 3 --yes");
            tmux.keys("Enter");
            Matcher set = QUEUED.matcher(tmux.await(
                            "the set queued",
                            s -> QUEUED.matcher(s.replace("\n", "")).find(),
                            STEP)
                    .replace("\n", ""));
            assertThat(set.find()).isTrue();
            String group = set.group(1);
            List<String> ids = List.of(set.group(2), set.group(3), set.group(4));

            tmux.type("watch");
            tmux.keys("Enter");
            String collapsed = tmux.await(
                    "one collapsed row for the set, all done",
                    s -> row(s, group).contains("▸ ×3 a fox on a hill")
                            && row(s, group).contains("3 done · 0 running"),
                    JOBS);
            assertThat(ids).allSatisfy(id -> assertThat(row(collapsed, id)).isEmpty());
            assertThat(row(collapsed, group)).contains("not billed");
            assertThat(collapsed).contains("→← group");

            tmux.keys("Right");
            String expanded = tmux.await(
                    "the three jobs under the group row",
                    s -> row(s, group).contains("▾ ×3")
                            && ids.stream().allMatch(id -> row(s, id).contains("done")),
                    STEP);
            List<String> rows = expanded.lines().toList();
            int top = rows.indexOf(row(expanded, group));
            assertThat(rows.subList(top + 1, top + 4))
                    .allSatisfy(r -> assertThat(r).containsPattern("[├└] seed \\d+ · a fox on a hill"));
            assertThat(rows.get(top + 3)).contains("└");

            tmux.keys("Down", "Enter");
            tmux.await("a member's details", s -> s.contains("details") && s.contains("Params: duration"), STEP);
            tmux.keys("p");
            Matcher pick = PICKED.matcher(
                    tmux.await("the pick said", s -> PICKED.matcher(s).find(), STEP));
            assertThat(pick.find()).isTrue();
            String winner = pick.group(1);
            assertThat(ids).contains(winner);
            tmux.await(
                    "the winner marked in its row and in the group's",
                    s -> row(s, winner).contains("✓ seed") && row(s, group).contains("✓ " + winner + " picked"),
                    STEP);

            tmux.keys("Left");
            tmux.await(
                    "the set folded again, its row selected",
                    s -> row(s, group).contains("▸ ×3")
                            && ids.stream().allMatch(id -> row(s, id).isEmpty())
                            && s.contains("group " + group + " · 3 jobs"),
                    STEP);

            tmux.keys("q");
            tmux.await("the shell prompt back", s -> !s.contains("q quit"), STEP);
            tmux.type("jobs");
            tmux.keys("Enter");
            tmux.await(
                    "jobs shows the set and its pick",
                    s -> s.lines().anyMatch(r -> r.startsWith(winner + " " + group + "* ")),
                    STEP);
            tmux.type("exit");
            tmux.keys("Enter");
            tmux.await("a clean exit", s -> s.contains("jimeng exited 0"), STEP);
        }
    }

    private static String row(String screen, String id) {
        return screen.lines().filter(r -> r.startsWith(id + " ")).findFirst().orElse("");
    }
}
