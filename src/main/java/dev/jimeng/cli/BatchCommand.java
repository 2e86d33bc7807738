package dev.jimeng.cli;

import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.view.Billing;
import dev.jimeng.view.QuoteView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Many jobs from a file: every line validated first, the cost shown, then all run under the limit. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Run many jobs from a file of prompts or JSON Lines: all checked first, the cost confirmed.",
            "FILE holds plain lines of prompts, or JSON Lines of job parameters ({\"prompt\":…,\"mode\":…,"
                    + "\"duration\":…,\"image\":…,\"tail_image\":…,\"aspect_ratio\":…,\"seed\":…,\"template\":…,"
                    + "\"camera_strength\":…}). Options give the defaults; a line's own fields win.",
            "Unknown keys, wrong types and bad values are all reported, with their line numbers, before anything"
                    + " is sent; relative image paths start at FILE's folder.",
        },
        footer = {
            "",
            "Examples:",
            "  jimeng batch prompts.txt --dry-run",
            "  jimeng batch shots.jsonl --max-cost 20 --mode t2v_1080p"
        })
public final class BatchCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", description = "The jobs, one per line ('-' reads stdin).")
    String file;

    /** Defaults for every line; a JSON line's own fields win. */
    @Mixin
    VideoOptions defaults;

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "Folder for the videos.")
    Path outputDir;

    @Option(names = "--concurrency", paramLabel = "N", description = "Tasks at the server at once for this run.")
    Integer concurrency;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation of the cost.")
    boolean yes;

    @Option(
            names = "--max-jobs",
            paramLabel = "N",
            description = "Refuse a file of more than N jobs before anything is sent (default: "
                    + BatchFile.DEFAULT_MAX_JOBS + ").")
    int maxJobs = BatchFile.DEFAULT_MAX_JOBS;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Option(names = "--json", description = "With --dry-run: print what would be sent as one JSON document.")
    boolean json;

    /** The file's line number of each job, in order. */
    private List<Integer> lineNumbers = List.of();

    /** Problem lines printed before the rest are only counted. */
    private static final int PROBLEMS_SHOWN = 50;

    @Override
    protected ExitCode doCall() throws Exception {
        requireAtLeastOne("--max-jobs", maxJobs);
        if (concurrency != null) {
            requireAtLeastOne("--concurrency", concurrency); // before the file is read and the question
        }
        List<ValidatedRequest> jobs = readAndValidate();
        if (jobs.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, file + " has no jobs: write one prompt or JSON object per line");
        }
        Destination destination = Destination.inDirectory(
                outputDir == null ? app().outputDirectory() : app().paths().userPath(outputDir.toString()));
        jobs().checkOutput(destination, jobs); // once, for all of them, before the question
        BigDecimal cap = maxCost.value();
        if (dryRun.dryRun) {
            List<QuoteView.Quote> quotes = new java.util.ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                quotes.add(new QuoteView.Quote(lineNumbers.get(i), jobs.get(i), destination.directory()));
            }
            return quote(quotes, json);
        }
        // caps before the question: a batch that would pass one is refused, not asked about
        jobs().checkCaps(jobs, cap);
        tell(summary(jobs, jobs().sandbox()));
        if (!yes && !confirm("Submit them? [y/N] ")) {
            throw new UserError(ExitCode.BAD_INPUT, "nothing submitted; add --yes to submit without asking");
        }
        if (concurrency != null) {
            app().settings().set("concurrency", concurrency.toString());
        }
        tellAcceptedTasks();
        List<String> ids = jobs().submitAll(jobs, destination, cap);
        if (session().tracksInBackground()) {
            ids.forEach(root().shell()::trackJob);
            out().println(dev.jimeng.text.Words.count(ids.size(), "job") + " queued: " + String.join(" ", ids));
            return ExitCode.OK;
        }
        return followAll(ids);
    }

    /**
     * {@code 12 jobs: 8 × t2v_720p 5 s, 4 × t2v_1080p 10 s — estimated ¥36.40}: one entry per mode and
     * length, in the order they first appear, priced by the capability table.
     */
    static String summary(List<ValidatedRequest> jobs, boolean sandbox) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> costs = new LinkedHashMap<>();
        for (ValidatedRequest job : jobs) {
            int seconds = job.request().durationSeconds();
            String group = job.mode().name() + " " + seconds + " s";
            counts.merge(group, 1, Integer::sum);
            costs.merge(group, job.estimatedCostCny(), Double::sum);
        }
        String groups = counts.entrySet().stream()
                .map(g -> g.getValue() + " × " + g.getKey())
                .collect(Collectors.joining(", "));
        double total = costs.values().stream().mapToDouble(Double::doubleValue).sum();
        String price = Billing.cost(total, sandbox);
        return jobs.size() + (jobs.size() == 1 ? " job: " : " jobs: ") + groups + " — " + price;
    }

    private List<ValidatedRequest> readAndValidate() throws IOException {
        BatchFile.Read read;
        try (BufferedReader in = open()) {
            read = BatchFile.read(in, folder(), defaults(), maxJobs);
        } catch (CharacterCodingException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    (file.equals("-") ? "the batch on stdin" : file) + " is not UTF-8 text; save it as UTF-8"
                            + " (e.g. iconv -f GBK -t UTF-8) and run again (nothing was submitted)");
        }
        if (read.overLimit()) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    file + " has more than " + dev.jimeng.text.Words.count(maxJobs, "job") + " (reading stopped at job "
                            + (maxJobs + 1)
                            + "), over the limit of " + maxJobs + " per batch; nothing was submitted. Split the file,"
                            + " or raise the limit with --max-jobs N");
        }
        BatchFile.Checked checked = BatchFile.check(read.entries(), jobs()::validate);
        List<BatchFile.Problem> problems = checked.problems();
        if (problems.isEmpty()) {
            lineNumbers = read.entries().stream().map(BatchFile.Entry::line).toList();
            return checked.jobs();
        }
        if (problems.size() == 1) {
            BatchFile.Problem only = problems.getFirst();
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    file + " line " + only.line() + ": " + only.message() + " (nothing was submitted)");
        }
        report(problems);
        long lines =
                problems.stream().mapToInt(BatchFile.Problem::line).distinct().count();
        throw new UserError(
                ExitCode.BAD_INPUT,
                "nothing was submitted: " + dev.jimeng.text.Words.count(problems.size(), "problem") + " on "
                        + dev.jimeng.text.Words.count(lines, "line") + " of " + file + "; fix them and run again");
    }

    /** One line per problem; the same words on many lines are one line that lists them. */
    private void report(List<BatchFile.Problem> problems) {
        Map<String, List<Integer>> byMessage = new LinkedHashMap<>();
        for (BatchFile.Problem p : problems) {
            byMessage.computeIfAbsent(p.message(), m -> new ArrayList<>()).add(p.line());
        }
        int shown = 0;
        for (Map.Entry<String, List<Integer>> e : byMessage.entrySet()) {
            if (shown++ == PROBLEMS_SHOWN) {
                tell(file + ": and " + (byMessage.size() - PROBLEMS_SHOWN) + " more problems");
                break;
            }
            tell(file + " " + lineNumbers(e.getValue()) + ": " + e.getKey());
        }
        err().flush();
    }

    private static String lineNumbers(List<Integer> lines) {
        if (lines.size() == 1) {
            return "line " + lines.getFirst();
        }
        String listed = lines.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        return "lines " + listed + (lines.size() > 5 ? " and " + (lines.size() - 5) + " more" : "");
    }

    private BufferedReader open() throws IOException {
        if (file.equals("-")) {
            // strict, as for a file: bytes that are not UTF-8 are an error, never quietly U+FFFD in a prompt
            return new BufferedReader(new InputStreamReader(
                    app().env().in(),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
        }
        return Files.newBufferedReader(path(), StandardCharsets.UTF_8);
    }

    private Path path() {
        return TypedFile.existing(app().paths(), file, "batch file", "give a path to a text file");
    }

    /** Where the file's relative image paths start: its own folder (the working directory for stdin). */
    private Path folder() {
        Path parent = file.equals("-") ? null : path().toAbsolutePath().getParent();
        return parent != null ? parent : app().env().workingDirectory();
    }

    private GenerationRequest defaults() {
        return defaults.request(null, List.of());
    }
}
