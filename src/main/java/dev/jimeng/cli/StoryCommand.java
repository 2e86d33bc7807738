package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.InvalidRequestException;
import dev.jimeng.request.RequestOptions;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.story.Shot;
import dev.jimeng.story.StoryKey;
import dev.jimeng.story.StoryPlan;
import dev.jimeng.story.StoryboardFile;
import dev.jimeng.text.TerminalText;
import dev.jimeng.text.Words;
import dev.jimeng.view.JobGuide;
import dev.jimeng.view.QuoteView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A storyboard made as one group of first-and-last-frame jobs: read and checked whole, quoted and
 * confirmed once, run (shots side by side, or chained with --continue), and ended with the videos in
 * shot order, an .m3u playlist and a reel page. Running it again finds what earlier runs made.
 */
@Command(
        name = "story",
        mixinStandardHelpOptions = true,
        description = {
            "Make a story from a storyboard: one first-and-last-frame job per shot, the last keyframe of each"
                    + " shot the first frame of the next.",
            "FILE is TOML (story defaults at the top: mode, resolution, duration, seed; then one [[shot]] table"
                    + " per shot) or JSON Lines (one shot per line). A shot has a prompt, a 'last' keyframe and,"
                    + " for the first shot or a cut, a 'first' one; it may set mode, resolution (720p, 1080p),"
                    + " duration and seed. Relative paths start at FILE's folder.",
            "Every shot is checked before anything is sent, and all of them are quoted and confirmed as one."
                    + " Shots run side by side: every frame is a file known up front. With --continue each shot"
                    + " begins with the last frame of the video before (decoded here; best effort), so they run"
                    + " one after another and a failed shot stops the shots after it.",
            "Run the same FILE again to make what is missing: shots already made or still running are reused,"
                    + " never sent (or paid for) twice. The videos, NAME.m3u and NAME-reel.html (NAME: FILE's"
                    + " name without its extension) go to the folder NAME in the output directory.",
        },
        footer = {
            "",
            "Examples:",
            "  jimeng --sandbox story fox.toml --yes",
            "  jimeng story fox.toml --dry-run",
            "  jimeng story shots.jsonl --continue --mode i2v_first_tail_1080p --max-cost 20"
        })
public final class StoryCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "The storyboard: a .toml file, or JSON Lines.")
    Path file;

    @Option(
            names = "--continue",
            description = "Begin each shot with the last frame of the video before it (best effort) instead of"
                    + " its keyframe; shots then run one after another.")
    boolean continueFrames;

    @Option(
            names = {"-m", "--mode"},
            paramLabel = "MODE",
            description = "Mode of shots that name none: i2v_first_tail_720p (default) or i2v_first_tail_1080p.")
    String mode;

    @Option(
            names = {"-d", "--duration"},
            paramLabel = "SECS",
            description = "Length of shots that give none: 5 or 10 (default: 5).")
    Integer duration;

    @Option(names = "--seed", paramLabel = "INT", description = "Seed of shots that give none (-1: random).")
    Long seed;

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "Folder for the videos, playlist and reel (default: a folder named after FILE in the"
                    + " output directory).")
    Path outputDir;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation of the cost.")
    boolean yes;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Option(names = "--json", description = "With --dry-run: print what would be sent as one JSON document.")
    boolean json;

    /** Problem lines printed before the rest are only counted. */
    private static final int PROBLEMS_SHOWN = 50;

    @Override
    protected ExitCode doCall() throws Exception {
        Path path = TypedFile.existing(
                app().paths(), file.toString(), "storyboard", "give the path to a .toml or JSON Lines file");
        Path folder = folder(path);
        StoryboardFile.Read read = read(path);
        StoryPlan plan = new StoryPlan(read.shots(), continueFrames);
        List<StoryRun.Take> takes = validate(plan, folder, read);
        String group = StoryKey.of(path);
        takes = StoryRun.findEarlier(jobs(), group, takes, !dryRun.dryRun);
        List<StoryRun.Take> toSend =
                takes.stream().filter(t -> t.earlier() == null).toList();
        List<ValidatedRequest> sending =
                toSend.stream().map(StoryRun.Take::request).toList();
        if (dryRun.dryRun) {
            tellReused(takes);
            List<QuoteView.Quote> quotes = new ArrayList<>();
            for (StoryRun.Take t : toSend) {
                quotes.add(new QuoteView.Quote(t.shot().number(), t.request(), folder));
            }
            return quote(quotes, json, "SHOT");
        }
        BigDecimal cap = maxCost.value();
        // caps before the question: a story that would pass one is refused, not asked about
        jobs().checkCaps(sending, cap);
        tellReused(takes);
        if (continueFrames && !sending.isEmpty()) {
            tell("--continue: each shot begins with the last frame of the video before it,"
                    + " decoded here in pure Java: best effort (a video that cannot be decoded stops the shots after"
                    + " it, and the frame may differ from the keyframe the shot was planned with)");
        }
        if (!sending.isEmpty()) {
            tell("story " + group + ": " + BatchCommand.summary(sending, jobs().sandbox()) + ", as one story");
            if (!yes && !confirm("Send them? [y/N] ")) {
                throw new UserError(ExitCode.BAD_INPUT, "nothing was sent; add --yes to send without asking");
            }
            jobs().checkOutput(dev.jimeng.app.Destination.inDirectory(folder), sending);
            // made once, here: shots checking their files side by side must not race to make it
            Files.createDirectories(folder);
        }
        err().flush();
        tellAcceptedTasks();
        StoryRun run = new StoryRun(jobs(), plan, folder, group, cap, err());
        List<StoryRun.Outcome> outcomes = run.run(takes);
        return finish(path, folder, group, plan, outcomes);
    }

    /** Says which shots an earlier run made or is still making: they are not sent again. */
    private void tellReused(List<StoryRun.Take> takes) {
        for (StoryRun.Take t : takes) {
            JobSnapshot job = t.earlier();
            if (job == null) {
                continue;
            }
            String what =
                    switch (job.state()) {
                        case DONE ->
                            "made earlier by job " + job.id() + ", reused"
                                    + (job.outputPath() == null || !Files.exists(job.outputPath())
                                            ? " (its video is not on disk: '" + jimeng() + "download " + job.id()
                                                    + "' fetches it again for free)"
                                            : "");
                        case SUBMIT_UNKNOWN -> "job " + job.id() + " may have reached the server";
                        default ->
                            "job " + job.id() + " is still " + job.state().label() + ", waited for";
                    };
            tell(t.shot().label() + ": " + what + " (not sent again)");
        }
        err().flush();
    }

    private ExitCode finish(Path path, Path folder, String group, StoryPlan plan, List<StoryRun.Outcome> outcomes)
            throws IOException {
        String name = storyName(path);
        StoryOutput.Written written = StoryOutput.write(folder, name, group, outcomes, jobs());
        long done = outcomes.stream().filter(StoryRun.Outcome::done).count();
        out().println("story " + TerminalText.safe(name) + ": " + done + " of " + Words.count(outcomes.size(), "shot")
                + " done (group " + group + ")");
        for (StoryRun.Outcome o : outcomes) {
            if (o.done()) {
                out().println("  " + o.shot().label() + ": "
                        + TerminalText.safe(o.job().outputPath().getFileName().toString()));
            }
        }
        out().println("playlist: " + TerminalText.safe(written.playlist().toString()));
        out().println("reel: " + TerminalText.safe(written.reel().toString()));
        out().flush();
        if (done == outcomes.size()) {
            return ExitCode.OK;
        }
        tell((outcomes.size() - done) + " of " + Words.count(outcomes.size(), "shot")
                + " not made; run '" + rerun(path) + "' to make them: the " + done
                + " made already are reused, not paid for again");
        err().flush();
        return outcomes.stream()
                .filter(o -> !o.done() && o.job() != null)
                .map(o -> jobs().exitCodeOf(o.job()))
                .findFirst()
                .orElse(ExitCode.TASK_FAILED);
    }

    /** The command that makes what is missing: this one, with the options that change what is sent. */
    String rerun(Path path) {
        StringBuilder line = new StringBuilder(jimeng()).append("story ").append(JobGuide.shellWord(file.toString()));
        if (continueFrames) {
            line.append(" --continue");
        }
        if (mode != null) {
            line.append(" --mode ").append(JobGuide.shellWord(mode));
        }
        if (duration != null) {
            line.append(" --duration ").append(duration);
        }
        if (seed != null) {
            line.append(" --seed ").append(seed);
        }
        if (outputDir != null) {
            line.append(" -o ").append(JobGuide.shellWord(outputDir.toString()));
        }
        return TerminalText.safe(line.toString());
    }

    private StoryboardFile.Read read(Path path) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    TerminalText.safe(file.toString()) + " is not UTF-8 text; save it as UTF-8 and run again"
                            + " (nothing was sent)");
        }
        return StoryboardFile.read(path, text, path.getParent(), new StoryboardFile.Defaults(mode, duration, seed));
    }

    /**
     * Every shot validated as the job it is. A shot that begins with the frame of the video before
     * is checked with its own last keyframe standing in for that frame, which does not exist yet. The
     * file's own problems ({@code read}) are told with these, in one run: a shot with a problem of its
     * own, or without a frame to begin with, is not checked until it is mended.
     */
    private List<StoryRun.Take> validate(StoryPlan plan, Path folder, StoryboardFile.Read read) {
        List<StoryRun.Take> takes = new ArrayList<>();
        List<StoryboardFile.Problem> problems = new ArrayList<>(read.problems());
        Set<String> badKeyframes = new HashSet<>();
        for (Shot shot : plan.shots()) {
            boolean continued = plan.waitsForPrevious(shot);
            String first = continued ? shot.last() : plan.firstFrame(shot, folder);
            if (!read.sound(shot) || first == null) {
                continue;
            }
            try {
                ValidatedRequest checked = jobs().validate(StoryPlan.request(shot, first));
                ValidatedRequest sent =
                        continued ? StoryRun.beginningWith(checked, plan.firstFrame(shot, folder)) : checked;
                takes.add(new StoryRun.Take(shot, sent, null));
            } catch (InvalidRequestException e) {
                keyframeProblems(shot, first, continued, e, badKeyframes)
                        .forEach(m ->
                                problems.add(new StoryboardFile.Problem(read.place(shot), StoryPlan.inStoryWords(m))));
            }
        }
        refuse(StoryboardFile.inOrder(problems));
        return takes;
    }

    /**
     * The problems of a shot whose validation stopped at {@code e}, every keyframe named once and with
     * the shot that names it: a first frame taken from the shot before is that shot's 'last', already
     * told; a bad first frame hides the last one, so the last is checked again standing in for both. A
     * {@code continued} shot's first frame was its own 'last', standing in for the video's frame.
     */
    private List<String> keyframeProblems(
            Shot shot, String first, boolean continued, InvalidRequestException e, Set<String> bad) {
        List<String> found = new ArrayList<>();
        boolean firstIsBad = e.field().equals(InvalidRequestException.FIELD_IMAGE);
        if (continued) {
            return List.of(firstIsBad ? asTailImage(e.getMessage()) : e.getMessage());
        }
        if (!(firstIsBad && shot.first() == null && bad.contains(first))) {
            found.add(e.getMessage());
        }
        if (firstIsBad) {
            bad.add(first);
        }
        if (e.field().equals(InvalidRequestException.FIELD_TAIL_IMAGE)) {
            bad.add(shot.last());
        } else if (firstIsBad && shot.last() != null && !shot.last().equals(first)) {
            try {
                jobs().validate(StoryPlan.request(shot, shot.last()));
            } catch (InvalidRequestException last) {
                boolean lastIsBad = last.field().equals(InvalidRequestException.FIELD_IMAGE);
                String message = lastIsBad ? asTailImage(last.getMessage()) : last.getMessage();
                if (lastIsBad) {
                    bad.add(shot.last());
                }
                if (!found.contains(message)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    /** A first frame's problem as the problem of the 'last' keyframe that stood in for it. */
    private static String asTailImage(String imageProblem) {
        return imageProblem.startsWith(RequestOptions.IMAGE + " ")
                ? RequestOptions.TAIL_IMAGE + imageProblem.substring(RequestOptions.IMAGE.length())
                : imageProblem;
    }

    /** Nothing is sent when anything is wrong: one line per problem, then the count. */
    private void refuse(List<StoryboardFile.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String name = TerminalText.safe(file.toString());
        if (problems.size() == 1) {
            StoryboardFile.Problem only = problems.getFirst();
            throw new UserError(
                    ExitCode.BAD_INPUT, name + " " + only.where() + ": " + only.message() + " (nothing was sent)");
        }
        int shown = 0;
        for (StoryboardFile.Problem p : problems) {
            if (shown++ == PROBLEMS_SHOWN) {
                tell(name + ": and " + (problems.size() - PROBLEMS_SHOWN) + " more problems");
                break;
            }
            tell(name + " " + p.where() + ": " + p.message());
        }
        err().flush();
        throw new UserError(
                ExitCode.BAD_INPUT,
                "nothing was sent: " + Words.count(problems.size(), "problem") + " in " + name
                        + "; fix them and run again");
    }

    private Path folder(Path path) {
        if (outputDir != null) {
            return app().paths().userPath(outputDir.toString());
        }
        return app().outputDirectory().resolve(storyName(path)).toAbsolutePath().normalize();
    }

    /** The storyboard's file name without its extension, fit for a file name. */
    static String storyName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String safe = base.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "");
        return safe.isEmpty() ? "story" : safe;
    }
}
