package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --dry-run} checks everything and shows what would be sent, for every mode, sending
 * nothing: the sandbox's request log stays empty.
 */
class CliDryRunTest {
    private static final String SIGNED = "https://example.com/frames/first.png?X-Tos-Signature=s3cr3t&token=abc";
    private static final String TAIL = "https://example.com/frames/tail.png";

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void aDryRunOfEveryModeSendsNothingAndShowsTheRequestAndItsEstimatedCost() throws Exception {
        int before = sandbox.server().requests().size();
        List<List<String>> lines = List.of(
                List.of("generate", "a fox", "-m", "t2v_720p"),
                List.of("generate", "a fox", "-m", "t2v_1080p", "--duration", "10", "--aspect-ratio", "21:9"),
                List.of("generate", "a fox", "-m", "i2v_first_720p", "-i", SIGNED),
                List.of("generate", "a fox", "-m", "i2v_first_1080p", "-i", SIGNED),
                List.of("generate", "a fox", "-m", "i2v_first_tail_720p", "-i", SIGNED, "--tail-image", TAIL),
                List.of("submit", "a fox", "-m", "i2v_first_tail_1080p", "-i", SIGNED, "--tail-image", TAIL),
                List.of(
                        "submit",
                        "a fox",
                        "-m",
                        "i2v_recamera_720p",
                        "-i",
                        SIGNED,
                        "--template",
                        "dynamic_orbit",
                        "--camera-strength",
                        "strong"),
                List.of("submit", "a fox", "-m", "ti2v_pro"));
        CliHarness jimeng = sandbox.cli();
        for (List<String> line : lines) {
            List<String> args = new java.util.ArrayList<>(line);
            args.add("--dry-run");
            CliRun run = jimeng.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout())
                    .startsWith("dry run: nothing was sent")
                    .contains("req_key jimeng_", "frames", "≈¥", "estimated")
                    .doesNotContain("s3cr3t", "token=");
        }
        assertThat(sandbox.server().requests()).hasSize(before);
        assertThat(jimeng.run("jobs", "--json").stdout().strip()).isEqualTo("[ ]");
    }

    @Test
    void theJsonQuoteIsOneDocumentWithTheBodyFieldsAndTheCost() throws Exception {
        CliRun run =
                sandbox.cli().run("generate", "a fox", "-m", "t2v_1080p", "--duration", "10", "--dry-run", "--json");

        JsonNode quote = Json.MAPPER.readTree(run.stdout());
        JsonNode job = quote.path("jobs").get(0);
        assertThat(quote.path("dry_run").asBoolean()).isTrue();
        assertThat(job.path("req_key").asText()).isEqualTo("jimeng_t2v_v30_1080p");
        assertThat(job.path("frames").asInt()).isEqualTo(241);
        assertThat(job.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(job.path("estimated_cost_cny").asDouble()).isEqualTo(6.3);
        assertThat(quote.path("total_estimated_cny").asDouble()).isEqualTo(6.3);
    }

    @Test
    void aDryRunOfABadRequestFailsLikeTheRealOneAndSendsNothing() {
        int before = sandbox.server().requests().size();
        CliRun run = sandbox.cli().run("generate", "a fox", "--duration", "7", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("duration");
        assertThat(sandbox.server().requests()).hasSize(before);
    }

    @Test
    void aDryRunOfAFiftyLineBatchShowsEveryLineAndTheTotalAndSendsNothing() throws Exception {
        int before = sandbox.server().requests().size();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            lines.append(i % 2 == 0 ? "{\"prompt\": \"fox " + i + "\", \"mode\": \"t2v_1080p\"}" : "fox " + i)
                    .append('\n');
        }
        Path file = java.nio.file.Files.writeString(sandbox.cwd().resolve("fifty.jsonl"), lines);

        CliRun run = sandbox.cli().run("batch", file.toString(), "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode quote = Json.MAPPER.readTree(run.stdout());
        assertThat(quote.path("jobs")).hasSize(50);
        assertThat(quote.path("jobs").get(49).path("line").asInt()).isEqualTo(50);
        assertThat(quote.path("total_estimated_cny").asDouble()).isEqualTo(25 * 1.40 + 25 * 3.15);
        assertThat(sandbox.server().requests()).hasSize(before);
    }

    @Test
    void aBatchWhoseTotalPassesItsCapSendsNothing() throws Exception {
        int before = sandbox.server().requests().size();
        Path file = java.nio.file.Files.writeString(sandbox.cwd().resolve("three.txt"), "a fox\na wolf\na bear\n");

        CliRun run = sandbox.cli().run("batch", file.toString(), "--yes", "--max-cost", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("this would cost ≈¥4.20 estimated, above --max-cost ¥4", "nothing was sent");
        assertThat(sandbox.server().requests()).hasSize(before);
    }

    @Test
    void theSandboxsQuoteSaysNothingIsBilled() {
        CliRun run = CliHarness.bare(sandbox.cwd(), sandbox.home()).run("--sandbox", "generate", "a fox", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("sandbox, not billed").doesNotContain("¥");
    }
}
