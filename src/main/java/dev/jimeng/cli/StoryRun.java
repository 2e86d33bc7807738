package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.JobService;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.preview.Frame;
import dev.jimeng.preview.FramePosition;
import dev.jimeng.preview.StillImages;
import dev.jimeng.preview.UndecodableVideoException;
import dev.jimeng.preview.VideoFrames;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import dev.jimeng.story.Shot;
import dev.jimeng.story.StoryPlan;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobGuide;
import dev.jimeng.view.ResultView;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs a checked story: each chain of shots on a thread of its own, a shot's job sent only when no
 * earlier run made it (or is making it), each new job put into the story's group at once so the
 * next run finds it. With --continue a shot's first frame is decoded from the video before it.
 */
final class StoryRun {
    /**
     * A shot as it will be made.
     *
     * @param request the job; for a shot that begins with the frame of the video before, only its
     *     request and price are real (the frame is read, and the job checked again, when it is there)
     * @param earlier the job an earlier run made or is making of this very shot, reused; null: send one
     */
    record Take(Shot shot, ValidatedRequest request, JobSnapshot earlier) {}

    /**
     * What became of a shot.
     *
     * @param job its job as it ended (null when it was never sent)
     * @param why why it has no video, in words (null when it has one)
     */
    record Outcome(Shot shot, JobSnapshot job, String why) {
        boolean done() {
            return job != null && job.state() == JobState.DONE && job.outputPath() != null;
        }
    }

    /** How long a job left outside the group by a crash (between its journaling and its grouping) is looked for. */
    private static final Duration ADOPTION_WINDOW = Duration.ofHours(24);

    private final JobService jobs;
    private final StoryPlan plan;
    private final Path folder;
    private final String group;
    private final BigDecimal cap;
    private final PrintWriter err;

    StoryRun(JobService jobs, StoryPlan plan, Path folder, String group, BigDecimal cap, PrintWriter err) {
        this.jobs = jobs;
        this.plan = plan;
        this.folder = folder;
        this.group = group;
        this.cap = cap;
        this.err = err;
    }

    /** The request of a shot validated with a stand-in first frame, beginning with {@code first} instead. */
    static ValidatedRequest beginningWith(ValidatedRequest checked, String first) {
        GenerationRequest r = checked.request();
        List<String> images = new ArrayList<>(r.images());
        images.set(0, first);
        GenerationRequest real = new GenerationRequest(
                r.mode(),
                r.prompt(),
                r.durationSeconds(),
                r.fps(),
                r.aspectRatio(),
                images,
                r.seed(),
                r.template(),
                r.cameraStrength());
        return new ValidatedRequest(
                checked.mode(), real, checked.body(), checked.warnings(), checked.estimatedCostCny());
    }

    /**
     * Each take with the job an earlier run of this story made of the same shot (same mode, prompt,
     * frames, length and seed): a finished one is reused, one still at the server (or not yet sent)
     * is waited for, one whose submit may have reached the server is never sent again. Failed,
     * expired and canceled jobs are not reused: the shot is sent again. A job a crash left outside
     * the group (journaled, not yet grouped) is found too and, when {@code adopt} (not for a dry
     * run, which changes nothing), put into it.
     */
    static List<Take> findEarlier(JobService jobs, String group, List<Take> takes, boolean adopt) {
        List<JobSnapshot> members = jobs.members(group);
        Map<String, String> groups = jobs.groups();
        java.time.Instant since = jobs.clock().instant().minus(ADOPTION_WINDOW);
        List<Take> found = new ArrayList<>();
        for (Take take : takes) {
            GenerationRequest wanted = take.request().request();
            List<JobSnapshot> candidates = new ArrayList<>(members);
            jobs.list(new JobQuery(Set.of(), wanted.prompt(), 500)).stream()
                    .filter(j -> !groups.containsKey(j.id()) && j.createdAt().isAfter(since))
                    .forEach(candidates::add);
            Optional<JobSnapshot> earlier = candidates.stream()
                    .filter(j -> reusable(j.state()))
                    .filter(j -> j.request().asksForTheSameVideoAs(wanted))
                    .max(Comparator.comparingInt((JobSnapshot j) -> rank(j.state()))
                            .thenComparing(JobSnapshot::createdAt));
            earlier.filter(j -> adopt && !groups.containsKey(j.id())).ifPresent(j -> jobs.join(group, List.of(j.id())));
            found.add(new Take(take.shot(), take.request(), earlier.orElse(null)));
        }
        return found;
    }

    private static boolean reusable(JobState state) {
        return state == JobState.DONE || state == JobState.SUBMIT_UNKNOWN || !state.terminal();
    }

    /** A finished video first, then one being made, then one that may have been accepted. */
    private static int rank(JobState state) {
        return state == JobState.DONE ? 2 : state == JobState.SUBMIT_UNKNOWN ? 0 : 1;
    }

    /** Runs every shot that is not made yet; the outcomes in shot order. */
    List<Outcome> run(List<Take> takes) throws InterruptedException {
        Map<Integer, Take> byShot =
                takes.stream().collect(Collectors.toMap(t -> t.shot().number(), t -> t));
        if (takes.stream()
                .anyMatch(t -> t.earlier() != null && !t.earlier().state().terminal())) {
            jobs.resumeAll(); // jobs an earlier run left at the server are carried on by this one
        }
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        try (ExecutorService chains = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Shot> chain : plan.chains()) {
                running.add(chains.submit(() -> {
                    runChain(chain, byShot, outcomes);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return plan.shots().stream().map(s -> outcomes.get(s.number())).toList();
    }

    private void runChain(List<Shot> chain, Map<Integer, Take> takes, Map<Integer, Outcome> outcomes)
            throws InterruptedException {
        for (int i = 0; i < chain.size(); i++) {
            Shot shot = chain.get(i);
            Outcome outcome = make(takes.get(shot.number()));
            outcomes.put(shot.number(), outcome);
            if (i + 1 == chain.size()) {
                return;
            }
            Shot next = chain.get(i + 1);
            boolean needsFrame = takes.get(next.number()).earlier() == null; // a reused shot has its first frame
            String noFrame = outcome.done() && needsFrame ? continueInto(outcome, next) : null;
            if (noFrame != null) {
                outcomes.put(next.number(), new Outcome(next, null, noFrame));
            }
            if (!outcome.done() || noFrame != null) {
                stopAfter(shot, plan.stoppedBy(shot), outcomes);
                return;
            }
        }
    }

    /** The shots after one that has no video (or no frame to give) are not sent. */
    private void stopAfter(Shot shot, List<Shot> rest, Map<Integer, Outcome> outcomes) {
        List<Shot> stopped =
                rest.stream().filter(s -> !outcomes.containsKey(s.number())).toList();
        for (Shot s : stopped) {
            outcomes.put(
                    s.number(),
                    new Outcome(s, null, "not sent: it begins with the last frame of " + shot.label() + "'s video"));
        }
        if (!stopped.isEmpty()) {
            say(stopped.stream().map(Shot::label).collect(Collectors.joining(", "))
                    + " not sent: each begins with the last frame of the video before it");
        }
    }

    /**
     * Decodes the last frame of a finished shot into the file the next shot begins with; returns
     * why it cannot (a video JCodec cannot decode), or null.
     */
    private String continueInto(Outcome made, Shot next) {
        Path frameFile = StoryPlan.continuedFrame(folder, next);
        try {
            Frame last = VideoFrames.grab(made.job().outputPath(), FramePosition.LAST);
            StillImages.writeJpeg(last, frameFile);
            return null;
        } catch (UndecodableVideoException | IOException e) {
            String why = "the last frame of " + made.shot().label() + "'s video cannot be read ("
                    + TerminalText.oneLine(e.getMessage()) + "); give " + next.label()
                    + " its own 'first' keyframe, or run without --continue";
            say(next.label() + ": " + why);
            return why;
        }
    }

    /** A shot's job: the earlier run's, or a new one, waited for until it ends. */
    private Outcome make(Take take) throws InterruptedException {
        Shot shot = take.shot();
        JobSnapshot earlier = take.earlier();
        if (earlier != null && earlier.state() == JobState.SUBMIT_UNKNOWN) {
            // the answer to its submit was lost: the server may have the task, and bill it
            String why = "job " + earlier.id() + " may have reached the server (the answer to its submit was"
                    + " lost), so it is not sent again; '" + JobGuide.show(earlier, jobs.invocation())
                    + "' tells more, '" + JobGuide.command(NextSteps.Step.RESUBMIT, earlier, jobs.invocation())
                    + "' sends it again (" + (jobs.sandbox() ? Billing.SANDBOX : "billed again if the server has it")
                    + ")";
            say(shot.label() + ": " + why);
            return new Outcome(shot, earlier, why);
        }
        String id;
        if (earlier != null) {
            id = earlier.id();
        } else {
            ValidatedRequest request;
            try {
                request = plan.waitsForPrevious(shot)
                        ? jobs.validate(take.request().request())
                        : take.request();
            } catch (InvalidRequestException e) {
                String why = "the frame taken from the video before cannot be sent: "
                        + StoryPlan.inStoryWords(e.getMessage());
                say(shot.label() + ": " + why);
                return new Outcome(shot, null, why);
            }
            try {
                id = jobs.submit(request, Destination.file(videoFile(shot)), cap);
            } catch (UserError e) {
                say(shot.label() + ": not sent: " + e.getMessage());
                return new Outcome(shot, null, e.getMessage());
            }
            jobs.join(group, List.of(id)); // at once: the next run finds it by the group
            say(shot.label() + ": job " + id + " sent");
        }
        JobSnapshot done = jobs.awaitTerminal(id);
        if (done.state() == JobState.DONE) {
            say(shot.label() + ": done · " + TerminalText.safe(String.valueOf(done.outputPath())));
            return new Outcome(shot, done, null);
        }
        String why = ResultView.failureLine(done, jobs.clock().instant(), jobs.invocation());
        say(shot.label() + ": " + why);
        return new Outcome(shot, done, why);
    }

    /** {@code shot-03.mp4} in the story's folder, or the first free {@code shot-03-2.mp4}, …, when taken. */
    private Path videoFile(Shot shot) {
        String base = String.format("shot-%02d", shot.number());
        Path file = folder.resolve(base + ".mp4");
        for (int take = 2; Files.exists(file); take++) {
            file = folder.resolve(base + "-" + take + ".mp4");
        }
        return file;
    }

    private void say(String line) {
        synchronized (err) {
            Tell.line(err, line);
            err.flush();
        }
    }
}
