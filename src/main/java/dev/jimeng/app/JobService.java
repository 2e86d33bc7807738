package dev.jimeng.app;

import dev.jimeng.api.ErrorCatalog;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.JobSource;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobState;
import dev.jimeng.store.SpendRow;
import dev.jimeng.store.StopReason;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The use cases below every verb, screen and session: submit, cancel, retry, download, wait and
 * list jobs. It decides nothing a job allows by itself (the engine enforces {@code NextSteps}),
 * prints nothing and knows no terminal; refusals are exceptions the caller turns into words.
 */
public final class JobService implements JobSource {
    private final Supplier<JobManager> engine;
    private final Runnable connect;
    private final Function<GenerationRequest, ValidatedRequest> validator;
    private final Supplier<Path> outputDirectory;
    private final OutputCheck outputCheck;
    private final Clock clock;
    private final dev.jimeng.config.Invocation invocation;
    private final Function<Instant, List<SpendRow>> ledger;
    private final Budget budget;
    private Consumer<JobSnapshot> acceptedListener;
    private AutoCloseable acceptedSubscription;

    JobService(
            Supplier<JobManager> engine,
            Runnable connect,
            Function<GenerationRequest, ValidatedRequest> validator,
            Supplier<Path> outputDirectory,
            OutputCheck outputCheck,
            Clock clock,
            dev.jimeng.config.Invocation invocation,
            Function<Instant, List<SpendRow>> ledger,
            Budget budget) {
        this.engine = engine;
        this.connect = connect;
        this.validator = validator;
        this.outputDirectory = outputDirectory;
        this.outputCheck = outputCheck;
        this.clock = clock;
        this.invocation = invocation;
        this.ledger = ledger;
        this.budget = budget;
    }

    /** Stars or un-stars a job (the user's favourites, shown in the gallery); free, sends nothing. */
    public JobSnapshot star(String idOrPrefix, boolean on) {
        return engine.get().star(idOrPrefix, on);
    }

    /** The copies later downloads saved of this job's video, oldest first (the job keeps its first file). */
    public java.util.List<dev.jimeng.store.SavedCopy> copies(String id) {
        return engine.get().copies(id);
    }

    /** Ids of the starred jobs, newest first. */
    public java.util.Set<String> starred() {
        return engine.get().starred();
    }

    /** Puts jobs sent as one set into one group; returns its id. */
    public String group(List<String> ids) {
        return engine.get().group(ids);
    }

    /**
     * Puts jobs into the group of this id, a name the caller chose (a storyboard's, so its next run
     * finds the jobs it already has); returns the group's id.
     */
    public String join(String group, List<String> ids) {
        return engine.get().join(group, ids);
    }

    /** Group and pick of just {@code jobs}, for a list of them: read by id, not from every grouped job. */
    public dev.jimeng.store.GroupMarks groupMarksOf(java.util.Collection<JobSnapshot> jobs) {
        return engine.get().marksOf(jobs.stream().map(JobSnapshot::id).toList());
    }

    /** Job id to group id, for every job in a group. */
    public Map<String, String> groups() {
        return engine.get().groups();
    }

    /** A group's jobs, oldest first. */
    public List<JobSnapshot> members(String group) {
        return engine.get().members(group).stream()
                .map(id -> engine.get().job(id).orElseThrow())
                .toList();
    }

    /** Marks a job its group's winner (free, sends nothing); false when it is in no group. */
    public boolean pick(String idOrPrefix) {
        return engine.get().pick(idOrPrefix);
    }

    /** Ids of the jobs picked as their group's winner. */
    public java.util.Set<String> picked() {
        return engine.get().picked();
    }

    /** True when the jobs belong to the built-in sandbox: nothing is billed, commands need --sandbox. */
    public boolean sandbox() {
        return invocation.sandbox();
    }

    /** How a command line reaches these jobs: what the {@code jimeng …} lines views suggest start with. */
    public dev.jimeng.config.Invocation invocation() {
        return invocation;
    }

    public Clock clock() {
        return clock;
    }

    /** Fills what the line did not say from the settings, then validates. Sends nothing. */
    public ValidatedRequest validate(GenerationRequest typed) {
        return validator.apply(typed).withoutImageData(); // the engine reads the images when it sends
    }

    /**
     * Checks that these jobs' videos can be saved at {@code destination} (null: the output-dir
     * setting), with room for all of them. Sends nothing.
     *
     * @throws UserError naming the problem and the fix
     */
    public void checkOutput(Destination destination, Collection<ValidatedRequest> jobs) {
        long bytes = jobs.stream().mapToLong(JobService::expectedBytes).sum();
        outputCheck.check(orDefault(destination), bytes);
    }

    /**
     * Checks the destination, journals a validated job and starts it; returns its id at once. The
     * job's folder is fixed now: a later change of the output-dir setting does not move it.
     */
    public String submit(ValidatedRequest validated, Destination destination) {
        return submit(validated, destination, null);
    }

    /**
     * As above, within the caps: {@code maxCost} (the command's --max-cost, or null) and the
     * budget settings. Sends nothing when a cap would be passed.
     *
     * @throws UserError naming the cap and how to raise it
     */
    public String submit(ValidatedRequest validated, Destination destination, BigDecimal maxCost) {
        return submitAll(List.of(validated), destination, maxCost).getFirst();
    }

    /**
     * Refuses a command that would pass a cap: {@code total} is what it sends, {@code largest} its
     * most expensive job. Sandbox jobs count nothing and are never capped.
     */
    public void checkCaps(double total, double largest, BigDecimal maxCost) {
        if (!invocation.sandbox()) {
            budget.check(total, largest, maxCost);
        }
    }

    /** As above for a set of jobs sent together: their total and their most expensive job's estimate. */
    public void checkCaps(Collection<ValidatedRequest> jobs, BigDecimal maxCost) {
        checkCaps(
                jobs.stream().mapToDouble(ValidatedRequest::estimatedCostCny).sum(),
                jobs.stream()
                        .mapToDouble(ValidatedRequest::estimatedCostCny)
                        .max()
                        .orElse(0),
                maxCost);
    }

    /** The spend ledger of the jobs created since {@code since}, one row per mode. */
    public List<SpendRow> spend(Instant since) {
        return ledger.apply(since);
    }

    /** The spend ledger of today, the last 7 days, this month and all time (in that order), in {@code zone}. */
    public java.util.Map<String, List<SpendRow>> spendPeriods(java.time.ZoneId zone) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
        java.util.Map<String, List<SpendRow>> periods = new java.util.LinkedHashMap<>();
        periods.put("today", spend(today.atStartOfDay(zone).toInstant()));
        periods.put("7 days", spend(today.minusDays(6).atStartOfDay(zone).toInstant()));
        periods.put(
                "this month", spend(today.withDayOfMonth(1).atStartOfDay(zone).toInstant()));
        periods.put("all", spend(Instant.EPOCH));
        return periods;
    }

    /** As {@link #submit}, many jobs into one destination, checked once for all of them. */
    public List<String> submitAll(List<ValidatedRequest> validated, Destination destination) {
        return submitAll(validated, destination, null);
    }

    /** As above, within {@code maxCost} for all of them together (or null) and the budget settings. */
    public List<String> submitAll(List<ValidatedRequest> validated, Destination destination, BigDecimal maxCost) {
        checkCaps(validated, maxCost);
        checkOutput(destination, validated);
        connect.run();
        watchAcceptance();
        Path output = requestedOutput(destination);
        return validated.stream()
                .map(v -> engine.get().submit(v.request(), output, v.estimatedCostCny()))
                .toList();
    }

    /**
     * Polls or downloads a job again for free, or re-submits it (billed; its video goes to the
     * output-dir setting in effect now, checked first); see {@link JobManager#retry}.
     */
    public String retry(String id, boolean resubmit) {
        return retry(id, resubmit, null);
    }

    /** As above; a re-submit stays within {@code maxCost} (or null) and the budget settings. */
    public String retry(String id, boolean resubmit, BigDecimal maxCost) {
        Path output = null;
        Optional<JobSnapshot> job = resubmit ? find(id) : Optional.empty();
        if (job.isPresent()) {
            Double estimate = job.get().estimatedCostCny();
            double cost = estimate == null ? 0 : estimate;
            checkCaps(cost, cost, maxCost);
            Destination destination = orDefault(null);
            outputCheck.check(destination, expectedBytes(job.get().request()));
            output = requestedOutput(destination);
        }
        connect.run();
        watchAcceptance();
        return engine.get().retry(id, resubmit, output);
    }

    /**
     * Journals a task the server accepted that no journal recorded (see {@code jimeng attach}) and
     * carries it on to its video: polled and downloaded, never submitted, so nothing is billed again.
     * {@code mode} must be the one it was submitted with (its req_key is how the server finds it).
     *
     * @throws UserError for an unknown mode or a duration the mode does not make
     */
    public String attach(String taskId, String mode, String prompt, Integer durationSeconds, Destination destination) {
        if (taskId == null || taskId.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, "attach needs the task id the server gave (TASK_ID)");
        }
        var spec = Capabilities.mode(mode)
                .orElseThrow(() -> new UserError(
                        ExitCode.BAD_INPUT,
                        "unknown mode '" + mode + "': use the mode the task was submitted with, one of "
                                + String.join(", ", Capabilities.modeNames())));
        if (durationSeconds != null && !spec.framesBySeconds().containsKey(durationSeconds)) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "--duration " + durationSeconds + " is not a length " + mode + " makes: "
                            + spec.framesBySeconds().keySet());
        }
        GenerationRequest request =
                new GenerationRequest(mode, prompt, durationSeconds, null, null, List.of(), null, null, null);
        Destination where = orDefault(destination);
        outputCheck.check(where, expectedBytes(request));
        Double cost = durationSeconds == null ? null : Capabilities.estimatedCost(spec, durationSeconds);
        connect.run();
        return engine.get().attach(taskId.strip(), spec.reqKey(), request, requestedOutput(where), cost);
    }

    /**
     * Whoever runs a one-shot command hears of every task the server accepts, the moment it does
     * and before the journal records it ({@code listener} gets the job, still submitting, with its
     * task id), and of each try again while the journal cannot record it (the snapshot's error code
     * is {@link JobSnapshot#JOURNAL_RETRY}, its message says why): a journal that then fails cannot
     * take the id with it.
     */
    public synchronized void onTaskAccepted(Consumer<JobSnapshot> listener) {
        acceptedListener = listener;
    }

    private synchronized void watchAcceptance() {
        if (acceptedListener == null || acceptedSubscription != null) {
            return;
        }
        Consumer<JobSnapshot> listener = acceptedListener;
        Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();
        acceptedSubscription = engine.get().subscribe(s -> {
            boolean retryNote = JobSnapshot.JOURNAL_RETRY.equals(s.errorCode());
            if (s.acceptedNotJournaled() && (told.add(s.id()) || retryNote)) {
                listener.accept(s);
            }
        });
    }

    /**
     * Downloads a finished task's video again (never billed), after checking where it goes: {@code
     * destination}, or where the job's video was saved.
     */
    public String download(String id, Destination destination) {
        connect.run();
        find(id).ifPresent(job ->
                outputCheck.check(destination != null ? destination : savedIn(job), expectedBytes(job.request())));
        Path target = destination == null ? null : requestedOutput(destination);
        return target == null ? engine.get().redownload(id) : engine.get().redownload(id, target);
    }

    /** Cancels a job not sent yet, or with {@code forget} stops tracking one at the server. */
    public JobSnapshot cancel(String id, boolean forget) {
        return engine.get().cancel(id, forget);
    }

    /**
     * A job of the last 24 hours that asked for the same video and was (or will be) sent: the
     * duplicate guard asks before paying for it twice. None in the sandbox, where nothing is billed.
     */
    public Optional<JobSnapshot> recentTwin(ValidatedRequest request) {
        if (invocation.sandbox()) {
            return Optional.empty();
        }
        java.time.Instant since = clock.instant().minus(Duration.ofHours(24));
        GenerationRequest wanted = request.request();
        return engine.get().list(new JobQuery(Set.of(), wanted.prompt(), 500)).stream()
                .filter(j -> j.createdAt().isAfter(since))
                .filter(j -> j.state() != JobState.CANCELED)
                .filter(j -> j.taskId() != null || !j.state().terminal())
                .filter(j -> j.request().asksForTheSameVideoAs(wanted))
                .findFirst();
    }

    /** Jobs journaled but not sent yet (they would be sent by the next start). */
    public List<JobSnapshot> unsent() {
        return engine.get().list(new JobQuery(EnumSet.of(JobState.QUEUED), null, 10_000));
    }

    /** Re-attaches every unfinished job; credentials are needed only when there is one. */
    public List<String> resumeAll() {
        if (!engine.get().anyUnfinished()) {
            return List.of();
        }
        connect.run();
        return engine.get().resumeAll();
    }

    /** How many finished jobs were created before {@code before}. */
    public int finishedBefore(Instant before) {
        return engine.get().finishedBefore(before);
    }

    /** Forgets the finished jobs created before {@code before} (videos stay); how many were forgotten. */
    public int prune(Instant before) {
        return engine.get().prune(before);
    }

    /** Compacts the journal file. */
    public void vacuum() {
        engine.get().vacuum();
    }

    /** How many jobs the journal holds, in any state. */
    public long count() {
        return engine.get().count();
    }

    /** Every job not yet ended, oldest first (what {@code wait} and {@code status} mean without ids). */
    public List<JobSnapshot> unfinished() {
        Set<JobState> unfinished = EnumSet.allOf(JobState.class);
        unfinished.removeIf(JobState::terminal);
        List<JobSnapshot> newestFirst = engine.get().list(new JobQuery(unfinished, null, Integer.MAX_VALUE));
        return newestFirst.reversed();
    }

    public List<JobSnapshot> list(JobQuery query) {
        return engine.get().list(query);
    }

    /** The job with this id or unique prefix, as it is now. */
    public Optional<JobSnapshot> find(String idOrPrefix) {
        return engine.get().job(idOrPrefix);
    }

    @Override
    public List<JobSnapshot> jobs() {
        return engine.get().jobs();
    }

    @Override
    public AutoCloseable subscribe(Consumer<JobSnapshot> listener) {
        return engine.get().subscribe(listener);
    }

    public Optional<Duration> typicalGenerationTime(String mode) {
        return engine.get().typicalGenerationTime(mode);
    }

    /** Blocks until the job has ended; CancellationException when jimeng shuts down. */
    public JobSnapshot awaitTerminal(String id) throws InterruptedException {
        return engine.get().awaitTerminal(id);
    }

    /** Blocks until the server has accepted the job (task id journaled) or it ended. */
    public JobSnapshot awaitAccepted(String id) throws InterruptedException {
        CompletableFuture<JobSnapshot> accepted = new CompletableFuture<>();
        try (AutoCloseable sub = subscribe(s -> {
            if (s.id().equals(id) && (s.taskId() != null || s.state().terminal())) {
                accepted.complete(s);
            }
        })) {
            find(id).filter(s -> s.taskId() != null || s.state().terminal()).ifPresent(accepted::complete);
            return accepted.get();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocks until every one of these jobs has ended. */
    public void awaitAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(ids.stream().map(engine.get()::whenTerminal).toArray(CompletableFuture[]::new))
                .join();
    }

    /** The process exit code a finished job stands for. */
    public ExitCode exitCodeOf(JobSnapshot job) {
        if (job.state() == JobState.DONE) {
            return ExitCode.OK;
        }
        if (job.stopReason() == StopReason.NOT_JOURNALED) {
            return ExitCode.NOT_JOURNALED;
        }
        if (job.state() == JobState.CANCELED) {
            return ExitCode.CANCELED;
        }
        if (job.errorCode() == null || job.state() == JobState.SUBMIT_UNKNOWN) {
            return ExitCode.TASK_FAILED; // the outcome at the server is unknown
        }
        // codes made by the client, not the server: ErrorCatalog.connectFailed and .timeout
        return switch (job.errorCode()) {
            case "connection" -> ExitCode.NETWORK;
            case "timeout" -> ExitCode.RATE_OR_TIMEOUT;
            case ErrorCatalog.OUT_OF_MEMORY -> ExitCode.OUT_OF_MEMORY;
            case "journal-damaged" -> ExitCode.JOURNAL_DAMAGED;
            case "journal-unwritable" -> ExitCode.NO_ROOM;
            default ->
                ErrorCatalog.find(job.errorCode())
                        .map(entry -> ExitCode.of(entry.category()))
                        .orElse(ExitCode.TASK_FAILED);
        };
    }

    /** Where a job's video goes when no destination is given: the folder it was saved or queued in. */
    private Destination savedIn(JobSnapshot job) {
        Path path = job.outputPath();
        if (path == null) {
            return orDefault(null); // journaled before folders were fixed at queue time
        }
        if (Files.isDirectory(path) || !OutputTarget.isVideoName(path)) {
            return Destination.inDirectory(path);
        }
        return Destination.inDirectory(path.getParent());
    }

    private Destination orDefault(Destination destination) {
        return destination != null ? destination : Destination.inDirectory(outputDirectory.get());
    }

    private static long expectedBytes(ValidatedRequest validated) {
        return expectedBytes(validated.request());
    }

    private static long expectedBytes(GenerationRequest request) {
        if (request.durationSeconds() == null) {
            return 0;
        }
        return Capabilities.mode(request.mode())
                .map(m -> Capabilities.expectedVideoBytes(m, request.durationSeconds()))
                .orElse(0L);
    }

    /**
     * What the journal keeps: the user's file, or the concrete folder (made now), never "whatever
     * output-dir says at download time", so a setting changed later moves no job already queued.
     */
    private Path requestedOutput(Destination destination) {
        Destination d = orDefault(destination);
        if (d.file() != null) {
            return d.file();
        }
        try {
            Files.createDirectories(d.directory());
        } catch (java.io.IOException e) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "cannot create folder " + d.directory() + " (" + e.getMessage()
                            + "): choose another place with --output PATH or 'set output-dir DIR'");
        }
        return d.directory();
    }
}
