package dev.jimeng.mcp;

import dev.jimeng.app.App;
import dev.jimeng.app.Destination;
import dev.jimeng.app.ExitCode;
import dev.jimeng.app.Failure;
import dev.jimeng.app.JobService;
import dev.jimeng.app.OutputTarget;
import dev.jimeng.app.UserError;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import dev.jimeng.view.Billing;
import dev.jimeng.view.JobsView;
import dev.jimeng.view.QuoteView;
import dev.jimeng.view.ResultView;
import dev.jimeng.view.SpendView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each tool does, over the app's use cases: the same checks, caps, journal and engine as the
 * CLI. The agents' own money rules are {@link SpendingRules}; what each reply tells the agent to
 * do next is {@link Advice}.
 */
final class AgentTools {
    /** How long generate waits for the server's answer before returning: a short bound. */
    static final Duration ACCEPT_BOUND = Duration.ofSeconds(3);

    /** How long download waits for the file before returning the state (the download goes on). */
    static final Duration DOWNLOAD_BOUND = Duration.ofSeconds(60);

    private final App app;
    private final PrintStream log;
    private final SpendingRules rules;

    AgentTools(App app, PrintStream log) {
        this.app = app;
        this.log = log;
        this.rules = new SpendingRules(app);
    }

    /** Runs one tool; every failure becomes a tool error with the CLI's words and a code. */
    CallToolResult call(String name, Map<String, Object> arguments) {
        ToolSpecs.Spec spec = ToolSpecs.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tool " + name));
        boolean sandbox = app.sandboxMode();
        try {
            ToolArguments args = new ToolArguments(spec, arguments);
            return switch (name) {
                case "quote" -> quote(args);
                case "generate" -> generate(args);
                case "status" -> status(args);
                case "wait" -> await(args);
                case "result" -> result(args);
                case "jobs" -> jobsList(args);
                case "cancel" -> cancel(args);
                case "download" -> download(args);
                case "spend" -> spend();
                case "modes" -> ModesReply.of(app);
                default -> throw new IllegalArgumentException("unknown tool " + name);
            };
        } catch (Refused r) {
            return ToolReply.error(new Failure(r.exitCode(), r.getMessage()), r.reason(), r.details(), sandbox);
        } catch (JobRefusedException e) {
            String words = dev.jimeng.view.JobGuide.refusal(e, jobs().clock().instant(), jobs().invocation());
            return ToolReply.error(new Failure(ExitCode.BAD_INPUT, words), null, Map.of(), sandbox);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolReply.error(Failure.of(e, true), null, Map.of(), sandbox);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ToolReply.error(new Failure(ExitCode.BAD_INPUT, e.getMessage()), null, Map.of(), sandbox);
        } catch (Exception e) {
            Failure failure = Failure.of(e, true);
            if (failure.code() == ExitCode.INTERNAL) {
                e.printStackTrace(log);
            }
            return ToolReply.error(failure, null, Map.of(), sandbox);
        }
    }

    private JobService jobs() {
        return app.jobs();
    }

    private ToolReply reply() {
        return new ToolReply(app.sandboxMode());
    }

    private CallToolResult quote(ToolArguments args) {
        ValidatedRequest validated = jobs().validate(args.request());
        Destination target = destination(args.string("output"));
        jobs().checkOutput(target, List.of(validated));
        Path where = target == null ? null : target.file() != null ? target.file() : target.directory();
        List<QuoteView.Quote> quotes = List.of(new QuoteView.Quote(1, validated, where));
        ToolReply reply = reply().line(QuoteView.text(quotes, jobs().sandbox()).stripTrailing());
        validated.warnings().forEach(w -> reply.line("note: " + w));
        ToolReply.document(QuoteView.json(quotes, jobs().sandbox())).forEach(reply::put);
        return reply.put("notes", validated.warnings()).build();
    }

    private CallToolResult generate(ToolArguments args) throws InterruptedException {
        ValidatedRequest validated = jobs().validate(args.request());
        Destination target = destination(args.string("output"));
        BigDecimal maxCost = args.amount("max_cost");
        rules.requireALimit(maxCost);
        if (!args.flag("allow_duplicate")) {
            rules.refuseDuplicate(validated);
        }
        String id = jobs().submit(validated, target, maxCost);
        JobSnapshot job = JobWatch.until(jobs(), id, JobWatch::sent, ACCEPT_BOUND);
        long checkBack = jobs().typicalGenerationTime(validated.request().mode())
                .map(Duration::toSeconds)
                .orElse(app.sandboxMode() ? 5L : 60L);
        String cost = Billing.cost(validated.estimatedCostCny(), jobs().sandbox());
        ToolReply reply = reply().line("job " + id + " " + job.state().label() + " · "
                + validated.request().mode() + " · " + validated.request().durationSeconds() + " s · " + cost);
        validated.warnings().forEach(w -> reply.line("note: " + w));
        reply.line(advice(job, checkBack));
        return reply.put("job_id", id)
                .put("state", job.state().label())
                .put("estimated_cost_cny", jobs().sandbox() ? 0 : round(validated.estimatedCostCny()))
                .put("check_back_seconds", checkBack)
                .put(
                        "job",
                        ToolReply.document(ResultView.json(job, jobs().clock().instant(), jobs().invocation())))
                .build();
    }

    private CallToolResult status(ToolArguments args) {
        String id = args.string("job_id");
        List<JobSnapshot> shown = id == null ? jobs().unfinished() : List.of(require(id));
        ToolReply reply = reply();
        if (shown.isEmpty()) {
            reply.line(JobsView.noneMatching("unfinished jobs", jobs().count(), "the generate tool:"));
        }
        List<Object> docs = new ArrayList<>();
        for (JobSnapshot job : shown) {
            reply.line(JobsView.statusLine(job, Clock.systemUTC()).stripTrailing());
            String words = advice(job, 0);
            if (!words.isEmpty()) {
                reply.line("  " + words);
            }
            docs.add(ToolReply.document(ResultView.json(job, jobs().clock().instant(), jobs().invocation())));
        }
        return reply.put("jobs", docs).build();
    }

    private CallToolResult await(ToolArguments args) throws InterruptedException {
        JobSnapshot job = require(args.string("job_id"));
        Integer timeout = args.integer("timeout_seconds");
        int seconds = timeout == null ? ToolSpecs.WAIT_DEFAULT_SECONDS : timeout;
        if (seconds < 1 || seconds > ToolSpecs.WAIT_MAX_SECONDS) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "timeout_seconds must be 1 to " + ToolSpecs.WAIT_MAX_SECONDS + ", got " + seconds
                            + ": call wait again to wait longer");
        }
        if (!job.state().terminal()) {
            jobs().resumeAll(); // a job left by a process that ended is carried on here
        }
        JobSnapshot now = JobWatch.until(jobs(), job.id(), JobWatch::ended, Duration.ofSeconds(seconds));
        if (now.state() == JobState.DONE) {
            return doneReply(now).build();
        }
        return reply().line(JobsView.statusLine(now, Clock.systemUTC()).stripTrailing())
                .line(advice(now, 0))
                .put("job_id", now.id())
                .put("state", now.state().label())
                .put("finished", now.state().terminal())
                .put("code", ToolReply.code(jobs().exitCodeOf(now)))
                .put(
                        "job",
                        ToolReply.document(ResultView.json(now, jobs().clock().instant(), jobs().invocation())))
                .build();
    }

    private CallToolResult result(ToolArguments args) {
        JobSnapshot job = require(args.string("job_id"));
        if (job.state() != JobState.DONE) {
            String why = job.state().terminal()
                    ? ResultView.failureLine(job, jobs().clock().instant(), jobs().invocation())
                    : "job " + job.id() + " is still " + job.state().label() + ": call wait with job_id " + job.id()
                            + " first";
            String more = advice(job, 0);
            throw new Refused(
                    "not_done",
                    why + (job.state() == JobState.SUBMIT_UNKNOWN ? "; " + more : ""),
                    Map.of("job_id", job.id(), "state", job.state().label()));
        }
        return doneReply(job).build();
    }

    /** The seed's Markdown block, the file and its size, and a link to the video resource. */
    private ToolReply doneReply(JobSnapshot job) {
        Path file = job.outputPath().toAbsolutePath();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "job " + job.id() + " is done but its file " + file + " cannot be read (" + e.getMessage()
                            + "): download with job_id " + job.id() + " saves a fresh copy, not billed");
        }
        String markdown = ResultView.markdown(job);
        return reply().line(markdown.stripTrailing())
                .line("")
                .line("File: " + file + " (" + bytes + " bytes)")
                .content(ResourceLink.builder()
                        .uri(file.toUri().toString())
                        .name(file.getFileName().toString())
                        .mimeType(VideoResources.MIME)
                        .size(bytes)
                        .build())
                .put("job_id", job.id())
                .put("state", job.state().label())
                .put("finished", true)
                .put("code", ToolReply.code(ExitCode.OK))
                .put("markdown", markdown)
                .put("path", file.toString())
                .put("uri", file.toUri().toString())
                .put("bytes", bytes)
                .put(
                        "job",
                        ToolReply.document(ResultView.json(job, jobs().clock().instant(), jobs().invocation())));
    }

    private CallToolResult jobsList(ToolArguments args) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        for (String label : args.strings("status")) {
            try {
                states.add(JobState.fromLabel(label));
            } catch (IllegalArgumentException e) {
                throw new UserError(
                        ExitCode.BAD_INPUT,
                        e.getMessage() + ": use one of "
                                + java.util.Arrays.stream(JobState.values())
                                        .map(JobState::label)
                                        .toList());
            }
        }
        Integer limit = args.integer("limit");
        JobQuery query = new JobQuery(states, args.string("search"), limit == null ? 20 : Math.max(1, limit));
        List<JobSnapshot> list = jobs().list(query);
        List<Object> docs = new ArrayList<>();
        for (JobSnapshot j : list) {
            docs.add(ToolReply.document(ResultView.json(j, jobs().clock().instant(), jobs().invocation())));
        }
        return reply().line(JobsView.table(list, Clock.systemUTC(), 120, "jobs", jobs().count(), "the generate tool:")
                        .stripTrailing())
                .put("jobs", docs)
                .build();
    }

    private CallToolResult cancel(ToolArguments args) {
        JobSnapshot job = require(args.string("job_id"));
        JobSnapshot ended = jobs().cancel(job.id(), args.flag("forget"));
        String words = ended.taskId() == null
                ? job.id() + " canceled; it was never sent, nothing is billed"
                : job.id() + " no longer tracked; its task at the server " + Billing.atServer(jobs().sandbox())
                        + " goes on and its video is not saved";
        return reply().line(words)
                .put("job_id", ended.id())
                .put("state", ended.state().label())
                .put("sent", ended.taskId() != null)
                .build();
    }

    private CallToolResult download(ToolArguments args) throws InterruptedException {
        JobSnapshot job = require(args.string("job_id"));
        jobs().download(job.id(), destination(args.string("output")));
        JobSnapshot now = JobWatch.until(jobs(), job.id(), JobWatch::ended, DOWNLOAD_BOUND);
        if (now.state() == JobState.DONE) {
            return doneReply(now).line("downloaded again (not billed)").build();
        }
        return reply().line(JobsView.statusLine(now, Clock.systemUTC()).stripTrailing())
                .line(advice(now, 0))
                .put("job_id", now.id())
                .put("state", now.state().label())
                .build();
    }

    private CallToolResult spend() {
        var periods = jobs().spendPeriods(ZoneId.systemDefault());
        ToolReply reply = reply().line(SpendView.text(periods, jobs().sandbox()).stripTrailing());
        ToolReply.document(SpendView.json(periods, jobs().sandbox())).forEach(reply::put);
        return reply.build();
    }

    private String advice(JobSnapshot job, long checkBackSeconds) {
        return Advice.of(job, checkBackSeconds, jobs().clock().instant(), jobs().invocation());
    }

    private JobSnapshot require(String idOrPrefix) {
        try {
            return jobs().find(idOrPrefix)
                    .orElseThrow(() ->
                            new UserError(ExitCode.BAD_INPUT, "no job '" + idOrPrefix + "': the jobs tool lists them"));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private Destination destination(String output) {
        return output == null
                ? null
                : OutputTarget.resolve(output, app.env().workingDirectory(), app.outputDirectory());
    }

    private static double round(double cny) {
        return Math.round(cny * 100) / 100.0;
    }
}
