package dev.jimeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canceling jobs that were never sent, in the packaged jar's shell in a real pseudo-terminal
 * (tmux), across two sessions on one journal: c then y in the panel, Ctrl-C then y on a
 * {@code generate --wait}, and "keep" for the job still unsent at exit. The sandbox runs in this
 * JVM, so its request log shows exactly which submits the server received: only the jobs that
 * were not canceled, and nothing is billed for the others.
 *
 * <p>The sandbox's clock is moved by hand: its tasks stay in the queue until the test lets time
 * pass, so "the first job is still at the server and the others wait for its slot" holds for as
 * long as the test needs it, on any machine, with no timing assumption.
 */
class CancelIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration JOB = Duration.ofSeconds(90);
    private static final Duration TASK_TIME = Duration.ofSeconds(6);
    private static final Pattern QUEUED = Pattern.compile("(?m)^(\\w{8}) queued · t2v_720p");
    private static final String PROMPT = "jimeng t2v_720p>";

    @TempDir
    Path dir;

    @Test
    void jobsCanceledInThePanelAndOnCtrlCAreNeverSentAndAKeptJobIsSentByTheNextStart() throws Exception {
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                .clock(clock)
                .queueDuration(Duration.ofSeconds(1))
                .generateDuration(TASK_TIME.minusSeconds(1))
                .concurrencyLimit(100)
                // the clock stands still, so every poll falls into one "second"
                .qpsLimit(Integer.MAX_VALUE)
                .build())) {
            Path home = dir.resolve("home");
            Map<String, String> env = new HashMap<>(JimengProcess.environment(sandbox, home, dir.resolve("videos")));
            env.put("JIMENG_VIDEO_POLL_INTERVAL", "0.2");
            env.put("LANG", "C.UTF-8");
            String[] ids = new String[4];

            try (Tmux tmux = twoShells(env)) {
                // --- first session: three jobs, one at a time at the server
                tmux.await("the first prompt", s -> s.contains(PROMPT), START);
                tmux.type("set concurrency 1");
                tmux.keys("Enter");
                tmux.await("the setting", s -> s.contains("concurrency = 1"), STEP);
                for (String which : List.of("first", "second", "third")) {
                    int n = ids(tmux.screen()).size();
                    tmux.type("\"a " + which + " fox\"");
                    tmux.keys("Enter");
                    ids[n] = ids(tmux.await("the " + which + " job", s -> ids(s).size() == n + 1, STEP))
                            .get(n);
                }
                Await.until(
                        STEP,
                        "the first job is at the server",
                        () -> submittedPrompts(sandbox).equals(List.of("a first fox")),
                        () -> SandboxLog.summary(sandbox));

                // --- the panel: filter down to the third job, c, y
                tmux.type("watch");
                tmux.keys("Enter");
                tmux.await("the panel", s -> s.contains("jimeng jobs ·") && s.contains("q quit"), STEP);
                tmux.await(
                        "all three rows",
                        s -> !row(s, ids[0]).isEmpty() && row(s, ids[2]).contains("queued"),
                        STEP);
                tmux.keys("/");
                tmux.type("third fox");
                tmux.keys("Enter");
                tmux.await(
                        "only the third job's row",
                        s -> !row(s, ids[2]).isEmpty()
                                && row(s, ids[0]).isEmpty()
                                && row(s, ids[1]).isEmpty(),
                        STEP);
                tmux.keys("c");
                tmux.await(
                        "the question about the third job",
                        s -> s.contains("Cancel " + ids[2] + "? It has not been sent: nothing is billed. [y/N]"),
                        STEP);
                tmux.keys("y");
                tmux.await(
                        "the third row canceled",
                        s -> row(s, ids[2]).contains("canceled")
                                && s.contains(ids[2] + " canceled; nothing was billed"),
                        STEP);
                tmux.keys("q");
                tmux.await(
                        "the shell back",
                        s -> !s.contains("q quit") && lastPromptRow(s).equals(PROMPT),
                        STEP);

                // --- generate --wait, Ctrl-C while it waits for the slot, y
                tmux.type("generate --wait \"a fourth fox\"");
                tmux.keys("Enter");
                Pattern waiting = Pattern.compile("(?m)^(\\w{8}) queued · t2v_720p · .*waiting here");
                ids[3] = group(
                        tmux.await(
                                "the foreground wait", s -> waiting.matcher(s).find(), STEP),
                        waiting);
                tmux.keys("C-c");
                tmux.await(
                        "the question about the fourth job",
                        s -> s.contains("job " + ids[3] + " not sent yet: cancel it? [y/N]"),
                        STEP);
                tmux.type("y");
                tmux.keys("Enter");
                tmux.await("the fourth job canceled", s -> s.contains(ids[3] + " canceled; nothing was billed"), STEP);
                tmux.await("the prompt", s -> lastPromptRow(s).equals(PROMPT), STEP);

                // --- exit while the first job runs and the second is unsent: quit, keep it
                assertThat(submittedPrompts(sandbox))
                        .as("the first job is still the only one sent")
                        .containsExactly("a first fox");
                tmux.type("exit");
                tmux.keys("Enter");
                String screen = tmux.await(
                        "a question on the way out", s -> s.contains("Quit now? [y/N]") || s.contains("[k/c]"), STEP);
                if (screen.contains("Quit now? [y/N]")) {
                    tmux.type("y");
                    tmux.keys("Enter");
                }
                tmux.await(
                        "the question about the unsent job",
                        s -> s.contains("1 job not sent yet: keep them for next time or cancel them? [k/c]"),
                        STEP);
                tmux.type("k");
                tmux.keys("Enter");
                screen = tmux.await("the first shell's exit", s -> s.contains("jimeng exited 0"), STEP);
                assertThat(screen).contains("kept 1 job not sent yet");
                assertThat(submittedPrompts(sandbox)).containsExactly("a first fox");

                // --- the first task finishes while no jimeng runs; a second session finishes both
                clock.advance(TASK_TIME);
                tmux.keys("Enter"); // the script clears the screen and starts jimeng again
                tmux.await(
                        "the second shell",
                        s -> !s.contains("jimeng exited") && lastPromptRow(s).equals(PROMPT),
                        START);
                Await.until(
                        JOB,
                        "the kept second job is sent by the next start",
                        () -> submittedPrompts(sandbox).equals(List.of("a first fox", "a second fox")),
                        () -> SandboxLog.summary(sandbox));
                clock.advance(TASK_TIME);
                tmux.await(
                        "both jobs done",
                        s -> s.contains("✔ " + ids[0] + " done") && s.contains("✔ " + ids[1] + " done"),
                        JOB);
                tmux.type("exit");
                tmux.keys("Enter");
                screen = tmux.await("the second shell's exit", s -> s.contains("jimeng exited 0"), STEP);
                assertThat(screen).doesNotContain("not sent yet");
            }

            // The server received exactly the first two jobs, once each; nothing for the canceled ones.
            assertThat(submittedPrompts(sandbox)).containsExactly("a first fox", "a second fox");
            assertThat(SandboxLog.acceptedSubmits(sandbox)).isEqualTo(2);

            // The journal agrees.
            Map<String, String> states = journal(env);
            assertThat(states)
                    .containsEntry(ids[0], "done")
                    .containsEntry(ids[1], "done")
                    .containsEntry(ids[2], "canceled")
                    .containsEntry(ids[3], "canceled")
                    .hasSize(4);
        }
    }

    /**
     * The jar's shell in tmux, twice: after the first exit the script waits for Enter, clears the
     * screen and starts the shell again with the same environment (and so the same journal).
     */
    private static Tmux twoShells(Map<String, String> env) throws Exception {
        String jar = JimengProcess.jar().toAbsolutePath().toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        String jimeng = "TERM=xterm-256color '" + java + "' --enable-native-access=ALL-UNNAMED -jar '" + jar + "'";
        // the trap keeps sh alive after a Ctrl-C reached the whole foreground group (jimeng handles it)
        String command = "trap true INT; " + jimeng + "; echo \"jimeng exited $?\"; read _; printf '\\033[H\\033[2J'; "
                + jimeng + "; echo \"jimeng exited $?\"; sleep 120";
        return new Tmux(120, 40, env, "sh", "-c", command);
    }

    /** The prompts of the submits the sandbox received, oldest first. */
    private static List<String> submittedPrompts(SandboxServer sandbox) {
        List<String> prompts = new ArrayList<>();
        for (LoggedRequest r : sandbox.requests()) {
            if (r.target().equals(SandboxLog.SUBMIT)) {
                JsonNode body = r.body();
                prompts.add(
                        body == null || !body.hasNonNull("prompt")
                                ? "?"
                                : body.get("prompt").asText());
            }
        }
        return prompts;
    }

    /** Job id → state, from {@code jimeng jobs --json} in a one-shot process on the same journal. */
    private Map<String, String> journal(Map<String, String> env) throws Exception {
        try (JimengProcess jobs = JimengProcess.start(dir.resolve("jobs"), env, "jobs", "--json")) {
            assertThat(jobs.awaitExit(START)).as(jobs.describe()).isZero();
            Map<String, String> states = new HashMap<>();
            for (JsonNode job : new ObjectMapper().readTree(jobs.stdout())) {
                states.put(job.get("job_id").asText(), job.get("status").asText());
            }
            return states;
        }
    }

    private static List<String> ids(String screen) {
        Matcher m = QUEUED.matcher(screen);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String group(String screen, Pattern pattern) {
        Matcher m = pattern.matcher(screen);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The panel row of a job (rows start with the id), or "" when it is not shown. */
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
}
