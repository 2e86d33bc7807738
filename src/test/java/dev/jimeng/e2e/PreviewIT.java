package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's {@code show} in a real pseudo-terminal (tmux): a half-block thumbnail of the
 * video under the details; the same command piped prints no picture and no escape at all.
 */
class PreviewIT {
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Pattern ACCEPTED = Pattern.compile("accepted for job (\\w+)");

    @TempDir
    Path dir;

    @Test
    void showDrawsAThumbnailInTmuxAndNothingWhenPiped() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .build())) {
            Map<String, String> env = JimengProcess.environment(sandbox, dir.resolve("home"), dir.resolve("videos"));
            String id;
            try (JimengProcess generate = JimengProcess.start(dir, env, "generate", "a red fox in the snow")) {
                assertThat(generate.awaitExit(RUN)).as(generate.describe()).isZero();
                assertThat(generate.stdout())
                        .as("piped: no picture")
                        .doesNotContain("▀")
                        .doesNotContain("\033");
                Matcher m = ACCEPTED.matcher(generate.stderr());
                assertThat(m.find()).as(generate.describe()).isTrue();
                id = m.group(1);
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            String jimeng = java + " -jar " + JimengProcess.jar().toAbsolutePath() + " show " + id;
            Map<String, String> tmuxEnv = new java.util.HashMap<>(env);
            tmuxEnv.put("LANG", "C.UTF-8");
            try (Tmux tmux = new Tmux(
                    100, 90, tmuxEnv, "sh", "-c", jimeng + "; echo PIPED; " + jimeng + " | cat; echo END; sleep 120")) {
                String screen = tmux.awaitText("END", RUN);
                List<String> rows = screen.lines().toList();
                int piped = rows.indexOf("PIPED");
                assertThat(piped).as(screen).isPositive();
                assertThat(rows.subList(0, piped).stream().filter(r -> r.startsWith("▀▀▀▀▀▀▀▀")))
                        .as(screen)
                        .hasSize(11)
                        .allSatisfy(r -> assertThat(r.strip()).hasSize(40));
                assertThat(rows.subList(piped, rows.size())).as(screen).noneMatch(r -> r.contains("▀"));
                assertThat(rows.subList(piped, rows.size())).as(screen).anyMatch(r -> r.contains(id));
            }
        }
    }
}
