package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands jimeng suggests for a job (the "next" of {@code show --json}, which every view
 * renders the same way) do what their text says when run as printed against a real sandbox: exit
 * 0 and do it, or give the documented refusal; a free step never makes the server accept a task.
 */
class SuggestedCommandsRunTest {
    private SandboxServer server;
    private CliHarness jimeng;

    @TempDir
    Path cwd;

    @TempDir
    Path home;

    @BeforeEach
    void start() throws Exception {
        server = CliSandbox.start();
        jimeng = CliHarness.against(server, cwd, home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDoneJobOffersAFreeFreshCopyAndABilledResubmitThatAsksFirst() throws Exception {
        String id = jobId(jimeng.run("generate", "a red fox", "--json"));
        Path saved = Path.of(show(id).path("save_path").asText());

        assertThat(next(id)).containsExactly("jimeng download " + id, "jimeng retry " + id + " --resubmit");

        CliRun download = runAsPrinted("jimeng download " + id);
        assertThat(download.exitCode()).as(download.toString()).isZero();
        Path copy = Path.of(download.stdout().strip());
        assertThat(copy).isNotEqualTo(saved).exists().hasSameBinaryContentAs(saved);
        assertThat(acceptedSubmits()).as("a download is free").isEqualTo(1);

        // not offered (download is), but typed: a retry of a done job says what it does
        CliRun retry = jimeng.run("retry", id);
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.stdout()).contains(id + " is done: saving another copy of its video (nothing billed)");
        assertThat(acceptedSubmits()).isEqualTo(1);

        CliRun resubmit = runAsPrinted("jimeng retry " + id + " --resubmit");
        assertThat(resubmit.exitCode()).isEqualTo(2);
        assertThat(resubmit.stderr()).contains("add --yes");
        assertThat(acceptedSubmits())
                .as("nothing is sent without the user's word")
                .isEqualTo(1);
    }

    @Test
    void aContentRejectionSuggestsNoCommandAndRefusesARetry() throws Exception {
        CliRun rejected = jimeng.run("generate", "a forbidden fox", "--json");
        String id = jobId(rejected);

        assertThat(rejected.exitCode()).isEqualTo(3);
        assertThat(next(id)).isEmpty();
        assertThat(rejected.stderr()).contains("change them and generate again").doesNotContain("retry");
        CliRun retry = runAsPrinted("jimeng retry " + id);
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.onlyErrorLine()).contains("cannot be sent again as it is", "change them");
    }

    @Test
    void aPollThatGaveUpIsPolledAgainForFreeAndFinishes() throws Exception {
        CliRun gaveUp = jimeng.with("JIMENG_VIDEO_MAX_POLL_ATTEMPTS", "1").run("generate", "a slow fox", "--json");
        jimeng.without("JIMENG_VIDEO_MAX_POLL_ATTEMPTS");
        String id = jobId(gaveUp);
        assertThat(gaveUp.exitCode()).isEqualTo(7);
        assertThat(next(id)).containsExactly("jimeng retry " + id, "jimeng retry " + id + " --resubmit");

        CliRun retry = runAsPrinted("jimeng retry " + id);

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.stdout())
                .contains(id + ": asking the server about its task again (nothing billed)", "**Generated Video:**");
        assertThat(acceptedSubmits()).isEqualTo(1);
    }

    @Test
    void aQueuedJobIsCanceledForGoodAndAnotherIsCarriedOnByWait() throws Exception {
        String dropped = queuedJob("a fox never sent");
        String kept = queuedJob("a fox sent by wait");
        assertThat(next(dropped)).containsExactly("jimeng wait " + dropped, "jimeng cancel " + dropped);

        CliRun cancel = runAsPrinted("jimeng cancel " + dropped);
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.stdout()).contains(dropped + " canceled; it was never sent, nothing is billed");
        CliRun wait = runAsPrinted(next(kept).getFirst());
        assertThat(wait.exitCode()).as(wait.toString()).isZero();

        // a later start carries every unfinished job on: the canceled one is never among them
        assertThat(jimeng.run("jobs", "--resume").exitCode()).isZero();
        assertThat(submittedPrompts()).containsExactly("a fox sent by wait");
        assertThat(show(dropped).path("status").asText()).isEqualTo("canceled");
        assertThat(next(dropped)).containsExactly("jimeng retry " + dropped + " --resubmit");
        assertThat(runAsPrinted("jimeng wait " + dropped).exitCode())
                .as("a canceled job ends as canceled")
                .isEqualTo(8);
    }

    @Test
    void aTaskAtTheServerCannotBeCanceledOnlyForgottenOnTheUsersWordAndPickedUpAgain() throws Exception {
        server.close();
        server = SandboxServer.start(SandboxConfig.builder()
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofSeconds(2))
                .build());
        jimeng = CliHarness.against(server, cwd, home);
        CliRun submitted = jimeng.run("submit", "a fox at the server");
        String id = submitted.stdout().strip();
        assertThat(next(id)).containsExactly("jimeng wait " + id, "jimeng cancel " + id + " --forget");

        CliRun cancel = jimeng.run("cancel", id);
        assertThat(cancel.exitCode()).isEqualTo(2);
        assertThat(cancel.onlyErrorLine())
                .contains("at the server and billed", "cannot stop it", "cancel " + id + " --forget");

        CliRun forget = runAsPrinted("jimeng cancel " + id + " --forget");
        assertThat(forget.exitCode()).as(forget.toString()).isZero();
        assertThat(forget.stdout()).contains(id + " no longer tracked", "is billed");
        assertThat(next(id)).containsExactly("jimeng retry " + id);

        CliRun pickUp = runAsPrinted("jimeng retry " + id);
        assertThat(pickUp.exitCode()).as(pickUp.toString()).isZero();
        assertThat(pickUp.stdout()).contains(id + ": asking the server about its task again (nothing billed)");
        assertThat(acceptedSubmits()).isEqualTo(1);
    }

    @Test
    void anUnknownSubmitOutcomeRefusesAFreeRetryAndResubmitsOnlyOnTheUsersWord() throws Exception {
        server.faults().dropNextRequests(1);
        CliRun lost = jimeng.run("generate", "a fox into the void", "--json");
        String id = jobId(lost);
        assertThat(show(id).path("status").asText()).isEqualTo("submit_unknown");
        assertThat(next(id)).containsExactly("jimeng retry " + id + " --resubmit");

        CliRun retry = jimeng.run("retry", id);
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.onlyErrorLine()).contains("unknown whether the server took", "retry " + id + " --resubmit");

        CliRun resubmit = jimeng.run((runAsPrintedArgs("jimeng retry " + id + " --resubmit") + " --yes").split(" "));
        assertThat(resubmit.exitCode()).as(resubmit.toString()).isZero();
        assertThat(acceptedSubmits()).isEqualTo(1);
    }

    @Test
    void commandsForTheBuiltInSandboxCarrySandboxAndFindTheJobWhenPasted() throws Exception {
        CliHarness builtIn = CliHarness.bare(cwd, home)
                .with("JIMENG_SANDBOX_QUEUE_SECONDS", "0.1")
                .with("JIMENG_SANDBOX_GENERATE_SECONDS", "0.2");
        String id = jobId(builtIn.run("--sandbox", "generate", "a sandbox fox", "--json"));
        CliRun shown = builtIn.run("--sandbox", "show", id, "--json");
        JsonNode next = Json.MAPPER.readTree(shown.stdout()).path("next");
        assertThat(next.get(0).path("command").asText()).isEqualTo("jimeng --sandbox download " + id);
        assertThat(next.get(1).path("effect").asText()).contains("sandbox, not billed");

        CliRun pasted = builtIn.run(
                runAsPrintedArgs(next.get(0).path("command").asText()).split(" "));

        assertThat(pasted.exitCode()).as(pasted.toString()).isZero();
        assertThat(Path.of(pasted.stdout().strip())).exists();
    }

    // --- helpers ---

    private CliRun runAsPrinted(String command) {
        return jimeng.run(runAsPrintedArgs(command).split(" "));
    }

    /** The arguments of a printed command line ("jimeng …"). */
    private static String runAsPrintedArgs(String command) {
        assertThat(command).startsWith("jimeng ");
        return command.substring("jimeng ".length());
    }

    private List<String> next(String id) throws Exception {
        List<String> commands = new ArrayList<>();
        show(id).path("next").forEach(n -> commands.add(n.path("command").asText()));
        return commands;
    }

    private JsonNode show(String id) throws Exception {
        CliRun run = jimeng.run("show", id, "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Json.MAPPER.readTree(run.stdout());
    }

    private static String jobId(CliRun run) throws Exception {
        return Json.MAPPER.readTree(run.stdout()).path("job_id").asText();
    }

    /** A job journaled but not sent, as one left by an earlier run that stopped before sending it. */
    private String queuedJob(String prompt) {
        try (JobStore store = JobStore.open(home)) {
            JobRecord job = store.create(
                    new GenerationRequest("t2v_720p", prompt, 5, 24, "16:9", List.of(), -1L, null, null),
                    null,
                    Instant.now(),
                    null,
                    null);
            return job.id();
        }
    }

    private long acceptedSubmits() {
        return dev.jimeng.e2e.SandboxLog.acceptedSubmits(server);
    }

    private List<String> submittedPrompts() {
        return CliSandbox.submitBodies(server).stream()
                .filter(Objects::nonNull)
                .map(b -> b.path("prompt").asText())
                .toList();
    }
}
