package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextStepsTest;
import dev.jimeng.job.Refusal;
import dev.jimeng.shell.Notices;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.view.JobGuide;
import dev.jimeng.view.JobsView;
import dev.jimeng.view.ResultView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code jimeng …} command any view can suggest, for jobs in every state and with every stop
 * reason, early and late in a task's life, for real and sandbox jobs, of the profile a bare jimeng picks
 * or another, is a command the real parser accepts, names the job, carries --sandbox exactly when the job
 * is the sandbox's, and --profile exactly when a bare jimeng would pick another profile.
 */
class SuggestedCommandsParseTest {
    private static final Instant SUBMITTED = NextStepsTest.SUBMITTED;
    /** A command as printed: "jimeng", maybe --sandbox, then words up to a comment, quote or bracket. */
    private static final Pattern COMMAND =
            Pattern.compile("(?<![\\w-])jimeng((?: (?:[A-Za-z0-9_.:/@%+=,-]+|'[^']*'))+)");

    @Test
    void everySuggestedCommandParsesNamesItsJobAndCarriesSandboxAndProfileOnlyWhenNeeded() {
        Set<String> seen = new LinkedHashSet<>();
        CommandLine parser = parser();
        for (Invocation at : List.of(
                Invocation.REAL,
                new Invocation(true, null),
                new Invocation(false, "work"),
                new Invocation(true, "work"))) {
            for (JobSnapshot job : everyKindOfJob()) {
                for (Instant now : List.of(SUBMITTED.plusSeconds(600), SUBMITTED.plus(Duration.ofHours(13)))) {
                    for (String text : everythingShownFor(job, now, at)) {
                        Matcher m = COMMAND.matcher(text);
                        while (m.find()) {
                            String command = m.group().strip();
                            seen.add(command.replace(job.id(), "ID"));
                            List<String> args = new ArrayList<>(Arrays.asList(CliJournalLockTest.shellWords(command)));
                            args.removeFirst();
                            assertThatCode(() -> parser.parseArgs(args.toArray(String[]::new)))
                                    .as("%s (shown for a %s job, reason %s)", command, job.state(), job.stopReason())
                                    .doesNotThrowAnyException();
                            // attach records a task the journal could not: it names the task, not a job
                            assertThat(args).as(command).contains(args.contains("attach") ? job.taskId() : job.id());
                            assertThat(args.contains("--sandbox")).as(command).isEqualTo(at.sandbox());
                            assertThat(String.join(" ", args).contains("--profile work"))
                                    .as(command)
                                    .isEqualTo(at.profile() != null);
                        }
                    }
                }
            }
        }
        assertThat(seen)
                .as("the views suggest every kind of step")
                .contains(
                        "jimeng wait ID",
                        "jimeng cancel ID",
                        "jimeng cancel ID --forget",
                        "jimeng retry ID",
                        "jimeng download ID",
                        "jimeng retry ID --resubmit",
                        "jimeng attach 7392616336519610409 --mode t2v_720p --prompt 'a red fox' --duration 5",
                        "jimeng --sandbox wait ID",
                        "jimeng --profile work wait ID",
                        "jimeng --sandbox --profile work wait ID")
                .noneMatch(c -> c.contains("redownload"));
    }

    /** show, --json, notices, the failure line, hints, suggestions and every refusal. */
    private static List<String> everythingShownFor(JobSnapshot job, Instant now, Invocation at) {
        List<String> texts = new ArrayList<>();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        texts.add(JobsView.details(job, clock, at));
        texts.add(ResultView.json(job, now, at));
        texts.add(Notices.finished(job, now, at));
        texts.add(ResultView.failureLine(job, now, at));
        texts.add(JobGuide.hint(job, now, at));
        texts.addAll(JobGuide.suggestions(job, now, at));
        for (Refusal refusal : Refusal.values()) {
            texts.add(JobGuide.refusal(new JobRefusedException(job, refusal), now, at));
        }
        return texts;
    }

    private static List<JobSnapshot> everyKindOfJob() {
        List<JobSnapshot> jobs = new ArrayList<>();
        for (JobState state : JobState.values()) {
            for (boolean hasTask : new boolean[] {false, true}) {
                if (!state.terminal() || state == JobState.DONE) {
                    jobs.add(job(state, null, hasTask));
                } else {
                    for (StopReason reason : StopReason.values()) {
                        jobs.add(job(state, reason, hasTask));
                    }
                }
            }
        }
        return jobs;
    }

    private static JobSnapshot job(JobState state, StopReason reason, boolean hasTask) {
        JobSnapshot job = NextStepsTest.job(state, reason, hasTask);
        boolean done = state == JobState.DONE;
        return done ? job.withOutputPath(Path.of("/videos/it's a fox.mp4")) : job;
    }

    private static CommandLine parser() {
        JimengCommand root = new JimengCommand(
                r -> {
                    throw new AssertionError("parsing must not build the app");
                },
                r -> 0);
        return Cli.commandLine(root, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
