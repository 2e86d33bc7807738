package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spend ledger counts what the server accepted, from the journal; caps refuse before anything
 * is sent, naming the cap, what is spent and how to raise it; prices come from the settings.
 */
class CliSpendAndCapsTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    @Test
    void twoDoneJobsAreBilledAndACanceledOneCostsNothing() throws Exception {
        assertThat(sandbox.jimeng().run("generate", "a red fox").exitCode()).isZero();
        assertThat(sandbox.jimeng().run("generate", "a grey wolf").exitCode()).isZero();
        String unsent = queuedJob("a fox never sent");
        assertThat(sandbox.jimeng().run("cancel", unsent).exitCode()).isZero();

        JsonNode spend =
                Json.MAPPER.readTree(sandbox.jimeng().run("spend", "--json").stdout());

        JsonNode today = spend.path("periods").path("today");
        assertThat(today.path("billed_cny").asDouble()).isEqualTo(2.8);
        assertThat(today.path("billed_jobs").asInt()).isEqualTo(2);
        assertThat(today.path("pending_cny").asDouble()).isZero();
        assertThat(spend.path("periods")
                        .path("all")
                        .path("by_mode")
                        .path("t2v_720p")
                        .path("billed_cny")
                        .asDouble())
                .isEqualTo(2.8);
        assertThat(spend.path("estimated").asBoolean()).isTrue();

        JsonNode canceled = Json.MAPPER.readTree(
                sandbox.jimeng().run("show", unsent, "--json").stdout());
        assertThat(canceled.path("billed").asBoolean()).isFalse();
        assertThat(sandbox.jimeng().run("show", unsent).stdout())
                .contains("≈¥1.40 estimated, not billed (never accepted)");
        JsonNode jobs =
                Json.MAPPER.readTree(sandbox.jimeng().run("jobs", "--json").stdout());
        assertThat(jobs.findValuesAsText("estimated_cost_cny")).containsOnly("1.4");
    }

    @Test
    void aDailyBudgetRefusesTheSubmitThatWouldPassItAndSendsNothing() throws Exception {
        assertThat(sandbox.jimeng().run("generate", "a red fox").exitCode()).isZero();
        config("daily-budget=2");

        CliRun refused = sandbox.jimeng().run("generate", "a grey wolf");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.onlyErrorLine())
                .contains("≈¥1.40 estimated is spent or on its way today", "daily-budget ¥2", "nothing was sent")
                .contains("daily-budget=N in");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(1);
        assertThat(sandbox.jimeng().run("generate", "a grey wolf", "--yes").exitCode())
                .as("--yes skips questions, never caps")
                .isEqualTo(2);
    }

    @Test
    void maxCostAndMaxCostPerJobRefuseAnExpensiveJob() throws Exception {
        CliRun flag = sandbox.jimeng().run("generate", "a lighthouse", "-m", "t2v_1080p", "--max-cost", "3");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.onlyErrorLine()).contains("this would cost ≈¥3.15 estimated, above --max-cost ¥3");

        config("max-cost-per-job=3");
        CliRun setting = sandbox.jimeng().run("generate", "a lighthouse", "-m", "t2v_1080p");
        assertThat(setting.exitCode()).isEqualTo(2);
        assertThat(setting.onlyErrorLine()).contains("above max-cost-per-job ¥3");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void pricesComeFromTheSettingsTable() throws Exception {
        config("price-720p=0.5");

        CliRun quote = sandbox.jimeng().run("generate", "a red fox", "--dry-run");

        assertThat(quote.stdout()).contains("≈¥2.50 estimated");
    }

    @Test
    void theBuiltInSandboxIsNeverCappedAndSaysNothingIsBilled() throws Exception {
        config("max-cost-per-job=0");
        CliHarness builtIn = CliHarness.bare(sandbox.cwd(), sandbox.home())
                .with("JIMENG_SANDBOX_QUEUE_SECONDS", "0.1")
                .with("JIMENG_SANDBOX_GENERATE_SECONDS", "0.2");

        assertThat(builtIn.run("--sandbox", "generate", "a red fox").exitCode()).isZero();
        CliRun spend = builtIn.run("--sandbox", "spend");
        assertThat(spend.stdout()).contains("sandbox, not billed").doesNotContain("¥");
    }

    /** Adds {@code key=value} to config.toml (the value as a TOML string). */
    private void config(String line) throws Exception {
        Path file = sandbox.home().resolve("config.toml");
        int eq = line.indexOf('=');
        Files.writeString(
                file,
                line.substring(0, eq) + " = \"" + line.substring(eq + 1) + "\"\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private String queuedJob(String prompt) {
        try (JobStore store = JobStore.open(sandbox.home())) {
            return store.create(
                            new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), -1L, null, null),
                            null,
                            null,
                            1.40,
                            Instant.now(),
                            null,
                            null)
                    .id();
        }
    }
}
