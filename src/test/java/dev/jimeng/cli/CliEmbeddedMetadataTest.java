package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.job.FileHash;
import dev.jimeng.json.Json;
import dev.jimeng.mp4.Probe;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting embed-metadata: the sidecar's JSON written into the MP4 itself, which still plays and
 * keeps the service's AIGC label; inspect and rerun read it when there is no sidecar. Off (the
 * default), the video is the download, byte for byte.
 */
class CliEmbeddedMetadataTest {
    /** Escapes, a bell, a one-character CSI, a bidi override, shell quoting, and as long as the API takes. */
    private static final String PROMPT =
            "\u001b]0;owned\u0007 a fox \u009b2J \u202e \"den\" $HOME `x`; " + "\u72d0".repeat(750);

    private static final Pattern SAVED = Pattern.compile("Save Path: (\\S+\\.mp4)");

    private static SandboxServer server;

    @TempDir
    static Path cwd;

    @TempDir
    static Path home;

    private static Path embedded;
    private static Path plain;
    private static JsonNode original;

    @BeforeAll
    static void makeOneVideoWithAndOneWithout() {
        server = CliSandbox.start();
        embedded = generate(true);
        original = CliSandbox.submitBodies(server).getLast();
        plain = generate(false);
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    private static Path generate(boolean embed) {
        CliHarness cli = CliHarness.against(server, cwd, home);
        if (embed) {
            cli.with("JIMENG_EMBED_METADATA", "true");
        }
        CliRun run = cli.run("generate", PROMPT, "--seed", "42", "-a", "9:16", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher saved = SAVED.matcher(run.stdout());
        assertThat(saved.find()).as(run.toString()).isTrue();
        return Path.of(saved.group(1));
    }

    @Test
    void theVideoHoldsItsMetadataStillPlaysAndKeepsTheAigcLabel() throws Exception {
        JsonNode inside = Json.MAPPER.readTree(Probe.tag(embedded, "jimeng"));
        assertThat(inside.path("prompt").asText()).isEqualTo(PROMPT);
        assertThat(inside.path("seed").asLong()).isEqualTo(42);
        assertThat(inside.path("task_id").asText()).isNotBlank();
        assertThat(inside.path("request")).isEqualTo(sidecarOf(embedded).path("request"));

        JsonNode before = Probe.of(plain);
        JsonNode after = Probe.of(embedded);
        assertThat(after.path("format").path("duration"))
                .isEqualTo(before.path("format").path("duration"));
        assertThat(after.path("streams")).isEqualTo(before.path("streams"));
        assertThat(Probe.packets(embedded)).isEqualTo(Probe.packets(plain));
        assertThat(Probe.decodeErrors(embedded)).isEmpty();
        // jimeng's own decoder (the previews) reads it as well
        for (var at : dev.jimeng.preview.FramePosition.values()) {
            assertThat(dev.jimeng.preview.VideoFrames.grab(embedded, at).rgb())
                    .isEqualTo(dev.jimeng.preview.VideoFrames.grab(plain, at).rgb());
        }
        String label = Probe.tag(plain, "AIGC");
        assertThat(label).contains("\"Label\":\"1\"");
        assertThat(Probe.tag(embedded, "AIGC")).isEqualTo(label);
    }

    @Test
    void theJournalAndTheSidecarHashTheFileAsItIsOnDisk() throws Exception {
        JsonNode video = sidecarOf(embedded).path("video");
        assertThat(video.path("sha256").asText()).isEqualTo(FileHash.sha256(embedded));
        assertThat(video.path("bytes").asLong()).isEqualTo(Files.size(embedded));

        CliRun show = CliHarness.against(server, cwd, home)
                .run("show", sidecarOf(embedded).path("job_id").asText(), "--json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdout()).contains(FileHash.sha256(embedded));
    }

    @Test
    void withTheSettingOffTheVideoIsTheDownloadByteForByte() throws Exception {
        byte[] bytes = Files.readAllBytes(plain);
        boolean served;
        try (Stream<Path> cached = Files.list(SandboxConfig.defaultCacheDir())) {
            served = cached.filter(p -> p.getFileName().toString().endsWith(".mp4"))
                    .anyMatch(p -> sameBytes(p, bytes));
        }
        assertThat(served).as("a video the sandbox serves, unchanged").isTrue();
        assertThat(Probe.tag(plain, "jimeng")).isNull();
        assertThat(sidecarOf(plain).path("video").path("sha256").asText()).isEqualTo(FileHash.sha256(plain));
    }

    @Test
    void withoutASidecarInspectReadsTheMetadataInsideAndItsCommandSendsTheSameBody() throws Exception {
        Path alone = Files.copy(
                embedded, Files.createDirectories(cwd.resolve("alone")).resolve("kept.mp4"));

        CliRun inspect = CliHarness.against(server, cwd, home).run("inspect", alone.toString());

        assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
        assertThat(inspect.stdout())
                .contains("  read from     inside the MP4")
                .contains("  seed          42")
                .contains("\\e]0;owned\\a")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\u009b")
                .doesNotContain("\u202e");
        String command = inspect.stdout().strip().lines().toList().getLast().strip();
        List<String> words = ShellWords.split(command);
        assertThat(words.getFirst()).isEqualTo("jimeng");
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        args.addAll(List.of("--dry-run", "--json"));
        assertSameBody(CliHarness.against(server, cwd, home).run(args.toArray(String[]::new)));

        assertSameBody(CliHarness.against(server, cwd, home).run("rerun", alone.toString(), "--dry-run", "--json"));
    }

    @Test
    void whenBothExistTheSidecarWinsAndADisagreementIsSaid() throws Exception {
        CliRun agreeing = CliHarness.against(server, cwd, home).run("inspect", embedded.toString());
        assertThat(agreeing.exitCode()).as(agreeing.toString()).isZero();
        assertThat(agreeing.stderr()).isEmpty();
        assertThat(agreeing.stdout()).doesNotContain("read from");

        Path dir = Files.createDirectories(cwd.resolve("edited"));
        Path copy = Files.copy(embedded, dir.resolve("v.mp4"));
        ObjectNode sidecar = (ObjectNode) sidecarOf(embedded);
        ((ObjectNode) sidecar.path("request")).put("seed", 7);
        sidecar.put("seed", 7);
        Files.writeString(dir.resolve("v.mp4.json"), Json.MAPPER.writeValueAsString(sidecar));

        CliRun edited = CliHarness.against(server, cwd, home).run("inspect", copy.toString());

        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(edited.stdout()).contains("  seed          7").contains("--seed 7");
        assertThat(edited.onlyErrorLine())
                .contains("the metadata inside v.mp4 does not match its sidecar v.mp4.json; showing the sidecar");
    }

    @Test
    void theSettingIsSavedAsATomlBooleanAndAWrongValueIsAOneLineError(@TempDir Path own) throws Exception {
        CliRun saved = CliHarness.bare(cwd, own).run("config", "set", "embed-metadata", "yes");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(Files.readString(own.resolve("config.toml"))).contains("embed-metadata = true");

        CliRun run = CliHarness.bare(cwd, own).run("config", "set", "embed-metadata", "maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .contains("embed-metadata: 'maybe' is not true or false; use one of false, true");
    }

    private static void assertSameBody(CliRun dry) throws Exception {
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        JsonNode job = Json.MAPPER.readTree(dry.stdout()).path("jobs").get(0);
        for (String field : List.of("prompt", "req_key", "seed", "frames", "aspect_ratio")) {
            assertThat(job.path(field)).as(field).isEqualTo(original.path(field));
        }
    }

    private static JsonNode sidecarOf(Path video) throws Exception {
        return Json.MAPPER.readTree(Files.readString(video.resolveSibling(video.getFileName() + ".json")));
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
