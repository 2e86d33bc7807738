package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.api.ErrorCategory;
import dev.jimeng.api.Retry;
import dev.jimeng.app.ExitCode;
import dev.jimeng.job.EngineSettings;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code jimeng generate} does with each error the API can answer: the exit code of the
 * error's category and one stderr line that names the code and what to do. Retries back off
 * from 10 ms here, so even a code retried to exhaustion costs a fraction of a second.
 */
class CliErrorCodeTest {
    /** The engine's default: a submit that surely failed is sent this many times in all. */
    private static final int SENDS = EngineSettings.defaults().maxSubmitRetries() + 1;

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @AfterEach
    void clearFaults() {
        sandbox.server().faults().failNextSubmits(0, 0);
    }

    /** Business codes that jimeng never re-sends on its own. */
    static Stream<Arguments> finalBusinessCodes() {
        return ErrorCatalog.all().stream()
                .filter(e -> !e.gateway())
                .filter(e -> e.retry() == Retry.NEVER || e.retry() == Retry.RESUBMIT)
                .map(e -> argumentSet(e.code() + ": " + e.meaning(), e));
    }

    @ParameterizedTest
    @MethodSource("finalBusinessCodes")
    void aSubmitRefusedWithAFinalCodeExitsWithItsCategoryAndNamesTheCodeAndTheFix(ErrorCatalog.Entry entry) {
        sandbox.server().faults().failNextSubmit(Integer.parseInt(entry.code()));

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertFailed(run, ExitCode.of(entry.category()), entry.code(), entry.hint());
        assertThat(run.onlyErrorLine()).contains("nothing was billed");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void contentReviewCodesExitThree() {
        assertThat(ExitCode.of(ErrorCategory.CONTENT_REVIEW)).isEqualTo(ExitCode.CONTENT_REJECTED);
        sandbox.server().faults().failNextSubmit(50411);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50411", "use a different image");
    }

    @Test
    void aPromptWithTheSandboxRejectWordFailsTheTextReviewWith50412() {
        CliRun run = sandbox.jimeng().run("generate", "a forbidden dance");

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50412", "rephrase the prompt");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void aVideoThatFailsTheOutputReviewEndsWith50516AndNoHintToPollAgain() {
        int downloadsBefore = sandbox.server().downloadCount();

        CliRun run = sandbox.jimeng().run("generate", "an unreviewable sunset");

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50516", "a new submit (billed again) may pass");
        assertThat(run.onlyErrorLine()).doesNotContain("asks again without a new submit");
        assertThat(sent()).isEqualTo(1);
        assertThat(sandbox.server().downloadCount()).isEqualTo(downloadsBefore);
    }

    @Test
    void theQpsLimitOnceIsRetriedAfterABackOffAndTheVideoStillArrives() {
        sandbox.server().faults().failNextSubmit(50429);

        CliRun run = sandbox.jimeng().run("generate", "a cat", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void theQpsLimitOnEverySendExitsFiveAfterTheEnginesRetries() {
        sandbox.server().faults().failNextSubmits(50429, SENDS);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertFailed(run, ExitCode.RATE_OR_TIMEOUT, "50429", "wait a minute and run it again");
        assertThat(run.onlyErrorLine()).contains("in " + SENDS + " tries").doesNotContain("tries again");
        assertThat(sent()).isEqualTo(SENDS);
    }

    @Test
    void theConcurrencyLimitIsWaitedOutAndTheTaskSentAgain() {
        sandbox.server().faults().failNextSubmits(50430, 2);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sent()).isEqualTo(3);
    }

    @Test
    void aServerErrorOnEverySendExitsSevenAfterTheEnginesRetries() {
        sandbox.server().faults().failNextSubmits(50500, SENDS);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertFailed(run, ExitCode.TASK_FAILED, "50500", "wait a few minutes and run it again");
        assertThat(run.onlyErrorLine()).doesNotContain("tries again");
        assertThat(sent()).isEqualTo(SENDS);
    }

    @Test
    void aServerErrorOnceIsRetriedAndTheVideoStillArrives() {
        sandbox.server().faults().failNextSubmit(50501);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void aWrongSecretKeyIsSignatureDoesNotMatchAndExitsFour() {
        CliRun run = sandbox.jimeng().with("VOLC_SECRETKEY", "not-the-secret").run("generate", "a cat");

        assertFailed(run, ExitCode.AUTH, "SignatureDoesNotMatch", "check VOLC_SECRETKEY");
        assertThat(sent()).as("an auth refusal is not retried").isEqualTo(1);
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyAndExitsFour() {
        CliRun run = sandbox.jimeng().with("VOLC_ACCESSKEY", "AKLTnobody").run("generate", "a cat");

        assertFailed(run, ExitCode.AUTH, "InvalidAccessKey", "check VOLC_ACCESSKEY");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void aClockAnHourOffIsInvalidTimestampAndExitsFour() throws Exception {
        try (SandboxServer later = SandboxServer.start(SandboxConfig.builder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
                .build())) {
            CliRun run =
                    CliHarness.against(later, sandbox.cwd(), sandbox.home()).run("generate", "a cat");

            assertFailed(run, ExitCode.AUTH, "InvalidTimestamp", "clock");
            assertThat(later.taskCount()).isZero();
        }
    }

    @Test
    void anApiUrlWhereNothingListensExitsSixAndNamesTheUrlVariable() {
        CliRun run = sandbox.jimeng()
                .with("JIMENG_VIDEO_API_URL", "http://127.0.0.1:" + Fixtures.closedPort())
                .run("generate", "a cat");

        assertFailed(run, ExitCode.NETWORK, "connection", "JIMENG_VIDEO_API_URL");
        assertThat(run.onlyErrorLine()).contains("could not connect").contains("in " + SENDS + " tries");
        assertThat(sent()).isZero();
    }

    @Test
    void theFailureLineNamesTheJobSoItCanBeLookedUp() {
        sandbox.server().faults().failNextSubmit(50413);

        CliRun run = sandbox.jimeng().run("generate", "a cat");

        String jobId = run.onlyErrorLine().split(" ")[1];
        CliRun show = sandbox.jimeng().run("show", jobId, "--json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdout()).contains("\"status\" : \"failed\"").contains("\"code\" : \"50413\"");
    }

    @Test
    void jsonOutputOfAFailedJobCarriesTheErrorOnStdoutAndTheLineOnStderr() throws Exception {
        sandbox.server().faults().failNextSubmit(50412);

        CliRun run = sandbox.jimeng().run("generate", "a cat", "--json");

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50412", "rephrase the prompt");
        var json = dev.jimeng.json.Json.MAPPER.readTree(run.stdout());
        assertThat(json.path("status").asText()).isEqualTo("failed");
        assertThat(json.path("error").path("code").asText()).isEqualTo("50412");
        assertThat(json.path("save_path").isNull()).isTrue();
    }

    @Test
    void submitOfATaskTheServerRefusesExitsWithTheCodeInsteadOfSayingSubmitted() {
        CliRun run = sandbox.jimeng().run("submit", "a forbidden dance");

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50412", "rephrase the prompt");
        assertThat(run.stdout().strip()).as("the job id").matches("[a-z0-9]+");
        assertThat(run.stderr()).doesNotContain("submitted");
    }

    @Test
    void waitOnAJobThatFailsAtTheServerPrintsTheSameOneLine() {
        CliRun submitted = sandbox.jimeng().run("submit", "an unreviewable sunset");
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        String id = submitted.stdout().strip();

        CliRun run = sandbox.jimeng().run("wait", id);

        assertFailed(run, ExitCode.CONTENT_REJECTED, "50516", "a new submit (billed again) may pass");
        assertThat(run.onlyErrorLine()).startsWith("jimeng: " + id + " failed: ");
        assertThat(run.stdout()).doesNotContain("Generated Video");
    }

    private int sent() {
        return sandbox.server().submitCount() - sandbox.submitsBefore();
    }

    /** The exit code, one stderr line naming the code and the fix, and no result block on stdout. */
    private static void assertFailed(CliRun run, ExitCode exit, String code, String fix) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit.code());
        String line = run.onlyErrorLine();
        assertThat(line)
                .startsWith("jimeng: ")
                .contains(" failed: " + code + ": ")
                .contains(fix);
        assertThat(run.stdout()).doesNotContain("Generated Video");
    }
}
