package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-C on a one-shot generate: a job not sent yet is canceled on the user's word (and never sent
 * by a later start) or kept on theirs; a task already at the server goes on, and the user is told
 * how to pick it up.
 */
class CliInterruptTest {
    /** One task at a time, and it takes a while: a second submit is refused (50430) and waits locally. */
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest(
            config -> config.generateDuration(Duration.ofSeconds(30)).concurrencyLimit(1));

    @BeforeEach
    void takeTheOnlySlot() {
        sandbox.jimeng().with("JIMENG_VIDEO_RETRY_BACKOFF", "30");
        CliRun holder = sandbox.jimeng().run("submit", "a fox holding the only slot");
        assertThat(holder.exitCode()).as(holder.toString()).isZero();
    }

    @Test
    void ctrlCBeforeTheJobIsSentAsksAndCancelsItSoNoLaterStartSendsIt() throws Exception {
        CliRun run = sandbox.jimeng()
                .typing("\n") // Enter: the default answer, yes
                .interrupts(ctrlCWhen(this::waitingLocallyAfterASlotRefusal))
                .run("generate", "a fox that is never sent");
        sandbox.jimeng().interrupts(InterruptSignal.NONE);

        assertThat(run.exitCode()).isEqualTo(130);
        assertThat(run.stderr()).contains("not sent yet: cancel it? [Y/n]", "canceled; nothing was billed");
        JsonNode job = onlyJobWithPrompt("a fox that is never sent");
        assertThat(job.path("status").asText()).isEqualTo("canceled");
        assertThat(sandbox.jimeng().run("wait", job.path("job_id").asText()).exitCode())
                .isEqualTo(8);
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(1);
    }

    @Test
    void ctrlCBeforeTheJobIsSentKeepsItWhenTheUserSaysNo() throws Exception {
        CliRun run = sandbox.jimeng()
                .typing("n\n")
                .interrupts(ctrlCWhen(this::waitingLocallyAfterASlotRefusal))
                .run("generate", "a fox kept for later");
        sandbox.jimeng().interrupts(InterruptSignal.NONE);

        assertThat(run.exitCode()).isEqualTo(130);
        assertThat(run.stderr()).contains("kept: the next jimeng start sends it", "jimeng wait ");
        assertThat(onlyJobWithPrompt("a fox kept for later").path("status").asText())
                .isEqualTo("queued");
    }

    @Test
    void ctrlCOnceTheTaskIsAtTheServerSaysItGoesOnAndHowToPickItUp() throws Exception {
        SandboxServer roomy = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofSeconds(30))
                .build());
        try {
            CliRun run = CliHarness.against(roomy, sandbox.cwd(), sandbox.home().resolve("roomy"))
                    .typing("")
                    .interrupts(ctrlCWhen(() -> SandboxLog.acceptedSubmits(roomy) >= 1))
                    .run("generate", "a fox at the server");

            assertThat(run.exitCode()).isEqualTo(130);
            assertThat(run.stderr())
                    .contains("goes on at the server (it is billed)", "jimeng wait ")
                    .doesNotContain("cancel it?");
        } finally {
            roomy.close();
        }
    }

    /** The journal shows the job back in the local queue after the server refused it a slot (50430). */
    private boolean waitingLocallyAfterASlotRefusal() {
        try (dev.jimeng.store.JobStore store = dev.jimeng.store.JobStore.open(sandbox.home())) {
            return store.unfinished().stream()
                    .anyMatch(j -> j.state() == dev.jimeng.store.JobState.QUEUED && "50430".equals(j.errorCode()));
        }
    }

    /** A Ctrl-C that comes once {@code condition} holds, while the command waits. */
    private static InterruptSignal ctrlCWhen(BooleanSupplier condition) {
        return waiter -> {
            Thread presser = Thread.ofVirtual().start(() -> {
                await().atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
                waiter.interrupt();
            });
            return presser::interrupt;
        };
    }

    private JsonNode onlyJobWithPrompt(String prompt) throws Exception {
        CliRun jobs = sandbox.jimeng().run("jobs", "--json", "--search", prompt);
        JsonNode array = Json.MAPPER.readTree(jobs.stdout());
        assertThat(array).hasSize(1);
        return array.get(0);
    }
}
