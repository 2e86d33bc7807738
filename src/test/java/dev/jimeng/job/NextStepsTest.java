package dev.jimeng.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.job.NextSteps.Step;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule set: what each kind of job allows, and that only a re-submit is ever billed. */
public class NextStepsTest {
    public static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant SOON = SUBMITTED.plus(Duration.ofMinutes(10));
    static final Instant LATE = SUBMITTED.plus(Duration.ofHours(13));

    @Test
    void aJobNotSentYetCanBeWaitedForOrCanceled() {
        assertThat(NextSteps.of(job(JobState.QUEUED, null, false), SOON)).containsExactly(Step.WAIT, Step.CANCEL);
    }

    @Test
    void aJobBeingSentCanOnlyBeWaitedFor() {
        assertThat(NextSteps.of(job(JobState.SUBMITTING, null, false), SOON)).containsExactly(Step.WAIT);
    }

    @Test
    void aTaskAtTheServerCanBeWaitedForOrForgottenButNotCanceled() {
        for (JobState s : List.of(JobState.IN_QUEUE, JobState.GENERATING, JobState.DOWNLOADING)) {
            assertThat(NextSteps.of(job(s, null, true), SOON)).containsExactly(Step.WAIT, Step.FORGET);
        }
    }

    @Test
    void aDoneVideoCanBeFetchedAgainForFreeWhileTheServerKeepsTheTask() {
        assertThat(NextSteps.of(job(JobState.DONE, null, true), SOON))
                .containsExactly(Step.DOWNLOAD_AGAIN, Step.RESUBMIT);
        assertThat(NextSteps.of(job(JobState.DONE, null, true), LATE)).containsExactly(Step.RESUBMIT);
    }

    @Test
    void aPollThatGaveUpIsAskedAgainForFreeFirstAndOnlyWithinTwelveHours() {
        JobSnapshot gaveUp = job(JobState.FAILED, StopReason.POLL_GAVE_UP, true);
        assertThat(NextSteps.of(gaveUp, SOON)).containsExactly(Step.POLL_AGAIN, Step.RESUBMIT);
        assertThat(NextSteps.of(gaveUp, LATE)).containsExactly(Step.RESUBMIT);
    }

    @Test
    void aFailedDownloadIsDownloadedAgainForFree() {
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.DOWNLOAD_FAILED, true), SOON))
                .containsExactly(Step.DOWNLOAD_AGAIN, Step.RESUBMIT);
    }

    @Test
    void aRetryWithoutResubmitTakesTheFreeStepAndNeverTheBilledOne() {
        assertThat(NextSteps.freeRetry(job(JobState.FAILED, StopReason.POLL_GAVE_UP, true), SOON))
                .contains(Step.POLL_AGAIN);
        assertThat(NextSteps.freeRetry(job(JobState.DONE, null, true), SOON)).contains(Step.DOWNLOAD_AGAIN);
        assertThat(NextSteps.freeRetry(job(JobState.DONE, null, true), LATE))
                .as("only a billed re-submit is left")
                .isEmpty();
        assertThat(NextSteps.freeRetry(job(JobState.FAILED, StopReason.CONTENT_REJECTED, true), SOON))
                .isEmpty();
    }

    @Test
    void aContentRejectionOrAnUnusableRequestOffersNothing() {
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.CONTENT_REJECTED, true), SOON))
                .isEmpty();
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.CONTENT_REJECTED, false), SOON))
                .isEmpty();
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.INVALID_REQUEST, false), SOON))
                .isEmpty();
    }

    @Test
    void anUnknownSubmitOutcomeOffersOnlyAResubmitThatMayBillTwice() {
        JobSnapshot unknown = job(JobState.SUBMIT_UNKNOWN, StopReason.SUBMIT_UNKNOWN, false);
        assertThat(NextSteps.of(unknown, SOON)).containsExactly(Step.RESUBMIT);
        assertThat(NextSteps.resubmitMayBillTwice(unknown)).isTrue();
    }

    @Test
    void serverVerdictsGoneTasksAndRefusedSubmitsOfferOnlyAResubmit() {
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.TASK_FAILED, true), SOON))
                .containsExactly(Step.RESUBMIT);
        assertThat(NextSteps.of(job(JobState.EXPIRED, StopReason.TASK_GONE, true), SOON))
                .containsExactly(Step.RESUBMIT);
        assertThat(NextSteps.of(job(JobState.FAILED, StopReason.NOT_ACCEPTED, false), SOON))
                .containsExactly(Step.RESUBMIT);
    }

    @Test
    void aCanceledJobCanBeSentAfterAllAndAForgottenTaskPickedUpAgain() {
        assertThat(NextSteps.of(job(JobState.CANCELED, StopReason.CANCELED, false), SOON))
                .containsExactly(Step.RESUBMIT);
        assertThat(NextSteps.of(job(JobState.CANCELED, StopReason.FORGOTTEN, true), SOON))
                .containsExactly(Step.POLL_AGAIN);
        assertThat(NextSteps.of(job(JobState.CANCELED, StopReason.FORGOTTEN, true), LATE))
                .isEmpty();
    }

    @Test
    void onlyAResubmitIsBilled() {
        for (Step step : Step.values()) {
            assertThat(step.billed()).as(step.name()).isEqualTo(step == Step.RESUBMIT);
        }
    }

    /** Every state with every reason: the rules always answer, and never offer a free step without a task. */
    @Test
    void everyStateAndReasonHasAnAnswerAndFreeServerStepsNeedATask() {
        for (JobState state : JobState.values()) {
            for (StopReason reason : StopReason.values()) {
                JobSnapshot noTask = job(state, reason, false);
                assertThat(NextSteps.of(noTask, SOON)).doesNotContain(Step.POLL_AGAIN, Step.DOWNLOAD_AGAIN);
            }
        }
    }

    /** A job in {@code state}, stopped for {@code reason}, its task (if any) accepted at {@link #SUBMITTED}. */
    public static JobSnapshot job(JobState state, StopReason reason, boolean hasTask) {
        Map<JobState, Instant> times = new EnumMap<>(JobState.class);
        times.put(JobState.QUEUED, SUBMITTED.minusSeconds(1));
        if (hasTask) {
            times.put(JobState.IN_QUEUE, SUBMITTED);
        }
        times.put(state, SUBMITTED.plusSeconds(60));
        return new JobSnapshot(
                "k3f9a2b1",
                new GenerationRequest("t2v_720p", "a red fox", 5, 24, "16:9", List.of(), -1L, null, null),
                state,
                hasTask ? "7392616336519610409" : null,
                null,
                SUBMITTED.minusSeconds(1),
                times,
                null,
                -1,
                -1,
                null,
                null,
                reason == null ? null : "50500",
                reason == null ? null : "what happened",
                reason);
    }
}
