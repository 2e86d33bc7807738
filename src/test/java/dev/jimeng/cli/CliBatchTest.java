package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** batch: every line checked before anything is sent, options as defaults, a JSON line's fields win. */
class CliBatchTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @Test
    void aBadLineAnywhereStopsTheWholeBatchBeforeAnythingIsSent() throws Exception {
        Files.writeString(
                sandbox.cwd().resolve("jobs.txt"), "a red fox\n# a comment\n{\"prompt\":\"a whale\",\"duration\":6}\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine())
                .contains("line 3")
                .contains("5")
                .contains("10")
                .contains("nothing was submitted");
        assertThat(sandbox.server().submitCount()).isZero();
    }

    @Test
    void optionsAreDefaultsAndAJsonLinesOwnFieldsWin() throws Exception {
        Files.writeString(
                sandbox.cwd().resolve("jobs.txt"),
                "a red fox\n{\"prompt\":\"千军万马\",\"mode\":\"t2v_1080p\",\"aspect_ratio\":\"21:9\",\"seed\":7}\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt", "--yes", "--duration", "10", "--seed", "3");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("2 jobs: 1 × t2v_720p 10 s, 1 × t2v_1080p 10 s — ≈¥9.10 estimated");
        List<JsonNode> bodies = CliSandbox.submitBodies(sandbox.server());
        assertThat(bodies).hasSize(2);
        JsonNode fox = bodies.stream()
                .filter(b -> b.path("prompt").asText().equals("a red fox"))
                .findFirst()
                .orElseThrow();
        JsonNode army = bodies.stream()
                .filter(b -> b.path("prompt").asText().equals("千军万马"))
                .findFirst()
                .orElseThrow();
        assertThat(fox.path("req_key").asText()).isEqualTo("jimeng_t2v_v30");
        assertThat(fox.path("frames").asInt()).isEqualTo(241);
        assertThat(fox.path("seed").asLong()).isEqualTo(3);
        assertThat(army.path("req_key").asText()).isEqualTo("jimeng_t2v_v30_1080p");
        assertThat(army.path("aspect_ratio").asText()).isEqualTo("21:9");
        assertThat(army.path("frames").asInt()).isEqualTo(241);
        assertThat(army.path("seed").asLong()).isEqualTo(7);
        assertThat(run.stdout().lines().filter(l -> l.matches("\\w{8} done .*\\.mp4")))
                .hasSize(2);
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsSubmitted() throws Exception {
        Files.writeString(sandbox.cwd().resolve("jobs.txt"), "a red fox\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--yes");
        assertThat(sandbox.server().submitCount()).isZero();
    }

    @Test
    void everyUnknownKeyWrongTypeAndBadValueIsReportedAtOnceAndNothingIsSent() throws Exception {
        Files.writeString(
                sandbox.cwd().resolve("jobs.jsonl"),
                String.join(
                        "\n",
                        "{\"prompt\":\"one\"}",
                        "two",
                        "{\"prompt\":\"three\",\"aspect-ratio\":\"9:16\",\"durations\":10,\"Mode\":\"t2v_1080p\"}",
                        "{\"prompt\":\"four\"}",
                        "",
                        "# six",
                        "{\"prompt\":\"seven\",\"duration\":7,\"seed\":\"abc\",\"aspect_ratio\":\"5:4\"}",
                        "{\"prompt\":\"eight\",\"mode\":\"t2v_4k\"}",
                        "{\"prompt\":\"nine\",\"colour\":\"red\"}",
                        ""));

        CliRun run = sandbox.cli().run("batch", "jobs.jsonl", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines())
                .anySatisfy(l ->
                        assertThat(l).contains("line 3: unknown key 'aspect-ratio' — did you mean 'aspect_ratio'?"))
                .anySatisfy(l -> assertThat(l).contains("line 3: unknown key 'durations' — did you mean 'duration'?"))
                .anySatisfy(l -> assertThat(l).contains("line 3: unknown key 'Mode' — did you mean 'mode'?"))
                .anySatisfy(l -> assertThat(l).contains("line 7: 'seed' must be", "\"abc\""))
                .anySatisfy(l -> assertThat(l).contains("line 7: 'duration' 7 is not available", "5", "10"))
                .anySatisfy(l -> assertThat(l).contains("line 7: 'aspect_ratio' '5:4'", "9:16"))
                .anySatisfy(l -> assertThat(l).contains("line 8: unknown mode 't2v_4k'", "t2v_1080p"))
                .anySatisfy(l -> assertThat(l).contains("line 9: unknown key 'colour'", "prompt", "camera_strength"))
                .noneSatisfy(l -> assertThat(l).containsPattern("line [1245]\\b"));
        assertThat(run.stderrLines().getLast()).contains("nothing was submitted", "8 problems", "4 lines");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void relativeImagePathsResolveAgainstTheBatchFilesFolder() throws Exception {
        Path batchDir = Files.createDirectories(sandbox.cwd().resolve("shots"));
        Fixtures.png(batchDir, "first.png", 1280, 720);
        Path elsewhere = Files.createDirectories(sandbox.cwd().resolve("elsewhere"));
        Files.writeString(
                batchDir.resolve("jobs.jsonl"),
                "{\"prompt\":\"the fox wakes\",\"mode\":\"i2v_first_720p\",\"image\":\"first.png\"}\n");

        CliRun run = CliHarness.against(sandbox.server(), elsewhere, sandbox.home())
                .run("batch", "../shots/jobs.jsonl", "--yes");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonNode> bodies = CliSandbox.submitBodies(sandbox.server());
        assertThat(bodies).hasSize(1);
        assertThat(bodies.getFirst().path("req_key").asText()).isEqualTo("jimeng_i2v_first_v30");
        assertThat(bodies.getFirst().path("binary_data_base64")).hasSize(1);
    }

    @Test
    void aBadConcurrencyIsRefusedBeforeTheQuestion() throws Exception {
        Files.writeString(sandbox.cwd().resolve("jobs.txt"), "a red fox\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt", "--concurrency", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("--concurrency must be at least 1, got 0");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void moreJobsThanTheCeilingAreRefusedBeforeAnythingIsSent() throws Exception {
        Files.writeString(sandbox.cwd().resolve("many.txt"), "a red fox\n".repeat(1001));

        CliRun run = sandbox.cli().run("batch", "many.txt", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("1001", "1000", "--max-jobs");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void maxJobsRaisesOrLowersTheCeiling() throws Exception {
        Files.writeString(sandbox.cwd().resolve("three.txt"), "a red fox\na whale\na paper boat\n");

        CliRun refused = sandbox.cli().run("batch", "three.txt", "--yes", "--max-jobs", "2");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.onlyErrorLine()).contains("3", "2", "--max-jobs");
        assertThat(sandbox.server().requests()).isEmpty();

        CliRun run = sandbox.cli().run("batch", "three.txt", "--yes", "--max-jobs", "3");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(sandbox.server().submitCount()).isEqualTo(3);
    }

    @Test
    void theConfirmationCountsJobsPerModeAndDurationWithTheTotal() throws Exception {
        Files.writeString(
                sandbox.cwd().resolve("jobs.txt"),
                "a red fox\n{\"prompt\":\"a whale\",\"mode\":\"t2v_1080p\",\"duration\":10}\na paper boat\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("3 jobs: 2 × t2v_720p 5 s, 1 × t2v_1080p 10 s — ≈¥9.10 estimated");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void theBuiltInSandboxSaysNothingIsBilled() throws Exception {
        Files.writeString(sandbox.cwd().resolve("jobs.txt"), "a red fox\n");

        CliRun run = CliHarness.bare(sandbox.cwd(), sandbox.home()).run("--sandbox", "batch", "jobs.txt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr())
                .contains("1 job: 1 × t2v_720p 5 s — sandbox, not billed")
                .doesNotContain("¥");
    }
}
