package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar next to each video, read back by inspect (a command that re-makes it) and rerun. */
class CliMetadataTest {
    private static final String PROMPT = "a fox's \"den\" <b> $HOME `x` \u0007 in snow";
    private static final Pattern SAVED = Pattern.compile("Save Path: (\\S+\\.mp4)");

    private static SandboxServer server;

    @TempDir
    static Path cwd;

    @TempDir
    static Path home;

    private static Path video;
    private static JsonNode original;

    @BeforeAll
    static void makeOneVideo() {
        server = CliSandbox.start();
        CliRun run = CliHarness.against(server, cwd, home).run("generate", PROMPT, "--seed", "42", "-a", "9:16");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher saved = SAVED.matcher(run.stdout());
        assertThat(saved.find()).isTrue();
        video = Path.of(saved.group(1));
        original = CliSandbox.submitBodies(server).getLast();
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    @Test
    void theSidecarSaysWhatMadeTheVideo() throws Exception {
        Path sidecar = video.resolveSibling(video.getFileName() + ".json");
        JsonNode d = Json.MAPPER.readTree(Files.readString(sidecar));
        assertThat(d.path("prompt").asText()).isEqualTo(PROMPT);
        assertThat(d.path("seed").asLong()).isEqualTo(42);
        assertThat(d.path("req_key").asText())
                .isEqualTo(original.path("req_key").asText());
        assertThat(d.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(d.path("task_id").asText()).isNotBlank();
        assertThat(d.path("request_id").asText()).isNotBlank();
        assertThat(d.path("estimated_cost_cny").asDouble()).isEqualTo(1.4);
        assertThat(d.path("video").path("sha256").asText()).hasSize(64);
        assertThat(d.path("times").path("done").asText()).isNotBlank();
        assertThat(d.path("jimeng_version").asText()).isEqualTo(dev.jimeng.config.JimengVersion.fullVersion());
        assertThat(Files.readString(sidecar))
                .doesNotContain(server.credentials().secretAccessKey());
    }

    @Test
    void inspectPrintsACommandWhoseDryRunHasTheOriginalBody() throws Exception {
        CliRun inspect = CliHarness.against(server, cwd, home).run("inspect", video.toString());
        assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
        assertThat(inspect.stdout()).doesNotContain("\u0007").contains("  seed          42");
        String command = inspect.stdout().strip().lines().toList().getLast().strip();
        List<String> words = ShellWords.split(command);
        assertThat(words.getFirst()).isEqualTo("jimeng");

        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        args.addAll(List.of("--dry-run", "--json"));
        int submits = server.submitCount();
        CliRun dry = CliHarness.against(server, cwd, home).run(args.toArray(String[]::new));
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(server.submitCount()).isEqualTo(submits);
        JsonNode job = Json.MAPPER.readTree(dry.stdout()).path("jobs").get(0);
        assertThat(job.path("prompt").asText())
                .isEqualTo(original.path("prompt").asText());
        assertThat(job.path("req_key").asText())
                .isEqualTo(original.path("req_key").asText());
        assertThat(job.path("seed").asLong()).isEqualTo(original.path("seed").asLong());
        assertThat(job.path("frames").asInt()).isEqualTo(original.path("frames").asInt());
        assertThat(job.path("aspect_ratio").asText())
                .isEqualTo(original.path("aspect_ratio").asText());

        // and sent for real (the sandbox bills nothing), the body is the original's, field for field
        List<String> again = new ArrayList<>(words.subList(1, words.size()));
        again.add("--yes"); // the duplicate guard knows this video
        CliRun sent = CliHarness.against(server, cwd, home).run(again.toArray(String[]::new));
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(CliSandbox.submitBodies(server).getLast()).isEqualTo(original);
    }

    @Test
    void rerunAsksFirstAndSendsTheSameBody() {
        int submits = server.submitCount();
        CliRun no = CliHarness.against(server, cwd, home).typing("n\n").run("rerun", video.toString());
        assertThat(no.exitCode()).isEqualTo(2);
        assertThat(no.stderr()).contains("send 'a fox's").contains("again as a new t2v_720p job");
        assertThat(no.stderrLines().getLast()).contains("nothing was sent");
        assertThat(server.submitCount()).isEqualTo(submits);

        CliRun yes = CliHarness.against(server, cwd, home).typing("y\n").run("rerun", video.toString());
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(server.submitCount()).isEqualTo(submits + 1);
        assertThat(CliSandbox.submitBodies(server).getLast()).isEqualTo(original);
    }

    @Test
    void aVideoWithoutASidecarIsAOneLineError() throws Exception {
        Path other = Files.writeString(cwd.resolve("other.mp4"), "x");
        CliRun run = CliHarness.against(server, cwd, home).run("inspect", other.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .contains("no jimeng sidecar other.mp4.json next to other.mp4, nor jimeng metadata inside it");
    }
}
