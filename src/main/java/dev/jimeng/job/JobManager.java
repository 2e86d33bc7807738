package dev.jimeng.job;

import dev.jimeng.api.JimengApi;
import dev.jimeng.api.SubmitBody;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import dev.jimeng.time.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Drives jobs: journals new ones, runs each on its own virtual thread (see {@link JobRun}; queued
 * ones get theirs in turn, see {@link QueuedRuns}), keeps
 * at most {@link EngineSettings#serverConcurrency()} of them at the server, re-attaches unfinished
 * jobs on start, and publishes a {@link JobSnapshot} on every change.
 *
 * <p>Money rules: a submit that may have reached the server is never repeated without the user's
 * explicit {@link #retry(String, boolean) retry(id, true)}; a task id is committed to the journal
 * before anything else happens.
 */
public final class JobManager implements JobSource, AutoCloseable {
    /** How long {@link #close()} lets a submit already on the wire finish and record its task id. */
    private static final Duration SUBMIT_GRACE = Duration.ofSeconds(15);

    final JobStore store;
    final JimengApi api;
    final Function<GenerationRequest, SubmitBody> bodies;
    final VideoFetcher fetcher;
    final Function<JobSnapshot, Path> outputs;
    final Clock clock;
    final Sleeper sleeper;
    /** Replaced whole when a knob changes at run time (see {@link #setPollInterval}); read afresh each time. */
    volatile EngineSettings settings;

    final ServerSlots slots;
    final Backoff backoff;
    final Leases leases;
    final JobEvents events = new JobEvents();
    /** What the history says of how long tasks take: the ETAs and the poll schedule. */
    final TaskDurations durations;
    /** Pollers of one kind of task tell each other when one is seen done. */
    final PollNews pollNews = new PollNews();
    /** Done videos are hashed here, off the carriers of the job threads. */
    final VideoHasher hasher = new VideoHasher();
    /** Rate limits of the account, which every task's polling follows. */
    final AccountPace pace = new AccountPace();

    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    private final Map<String, Path> downloadTargets = new ConcurrentHashMap<>();
    /** Runs of queued jobs whose threads start only when a server slot is free for them. */
    private final QueuedRuns queued;
    /** Slots taken by {@link #resumeAll()} for tasks at the server, claimed by their job threads. */
    final java.util.Set<String> reservedSlots = ConcurrentHashMap.newKeySet();

    private volatile boolean closing;

    private final Object resuming = new Object();

    /** How long a task id the journal cannot record is tried again before the job ends without it. */
    private volatile Duration journalRetryWindow = Duration.ofSeconds(60);

    /** What is done to each verified video before its job is done (nothing unless set). */
    private volatile VideoFinisher videoFinisher = VideoFinisher.NONE;

    /**
     * @param bodies turns a validated request into the exact submit body (reads images; may throw
     *     IllegalArgumentException for a request that can no longer be sent)
     * @param outputs where a job's video goes (called once, when its download starts)
     */
    public JobManager(
            JobStore store,
            JimengApi api,
            Function<GenerationRequest, SubmitBody> bodies,
            VideoFetcher fetcher,
            Function<JobSnapshot, Path> outputs,
            Clock clock,
            Sleeper sleeper,
            EngineSettings settings) {
        this(store, api, bodies, fetcher, outputs, clock, sleeper, settings, ThreadLocalRandom.current());
    }

    JobManager(
            JobStore store,
            JimengApi api,
            Function<GenerationRequest, SubmitBody> bodies,
            VideoFetcher fetcher,
            Function<JobSnapshot, Path> outputs,
            Clock clock,
            Sleeper sleeper,
            EngineSettings settings,
            RandomGenerator jitter) {
        this.store = store;
        this.api = api;
        this.bodies = bodies;
        this.fetcher = fetcher;
        this.outputs = outputs;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
        this.slots = new ServerSlots(settings.serverConcurrency());
        this.queued = new QueuedRuns(slots);
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), jitter);
        this.leases = new Leases(store, clock, settings);
        this.durations = new TaskDurations(store);
    }

    /** Journals a new job (QUEUED) and starts it; returns its id at once. */
    public String submit(GenerationRequest request) {
        return submit(request, null, null, null);
    }

    /**
     * As {@link #submit(GenerationRequest)}, saving the video at {@code requestedOutput}: a file,
     * or a folder the output policy names the file in (null: the policy decides).
     */
    public String submit(GenerationRequest request, Path requestedOutput) {
        return submit(request, requestedOutput, null, null);
    }

    /** As above, journaling the job's estimated price in CNY for the spend ledger. */
    public String submit(GenerationRequest request, Path requestedOutput, double estimatedCostCny) {
        return submit(request, requestedOutput, null, estimatedCostCny);
    }

    private String submit(GenerationRequest request, Path requestedOutput, String retryOf, Double estimatedCost) {
        checkNotClosed();
        Instant now = clock.instant();
        JobRecord job = store.create(
                request,
                requestedOutput,
                retryOf,
                estimatedCost,
                now,
                settings.ownerId(),
                now.plus(settings.leaseTtl()));
        events.publish(JobSnapshot.of(job, -1, -1, null));
        start(job, JobRun.Start.AS_JOURNALED);
        return job.id();
    }

    /**
     * Journals a task the server accepted earlier that no journal recorded (its id printed by a
     * jimeng that could not write the journal) and carries it on: polled and downloaded, never
     * submitted. Returns the id of the job that tracks it (an existing job when one already does).
     */
    public String attach(String taskId, String reqKey, GenerationRequest request, Path requestedOutput, Double cost) {
        checkNotClosed();
        Instant now = clock.instant();
        JobRecord job = store.attach(
                request, taskId, reqKey, requestedOutput, cost, now, settings.ownerId(), now.plus(settings.leaseTtl()));
        if (!job.state().terminal() && !running.containsKey(job.id())) { // another owner is watched
            events.publish(JobSnapshot.of(job, -1, -1, null));
            start(job, JobRun.Start.AS_JOURNALED);
        }
        return job.id();
    }

    /** How long a task id the journal cannot record is tried again (then the job ends, telling it). */
    public void setJournalRetryWindow(Duration value) {
        journalRetryWindow = value;
    }

    Duration journalRetryWindow() {
        return journalRetryWindow;
    }

    /** Sets what is done to each verified video before its job is done (metadata written into it, say). */
    public void setVideoFinisher(VideoFinisher value) {
        videoFinisher = value;
    }

    VideoFinisher videoFinisher() {
        return videoFinisher;
    }

    /**
     * Re-attaches every unfinished job in the journal (those another live process drives are
     * watched, and taken over if that process dies). Returns their ids, oldest first.
     */
    public List<String> resumeAll() {
        // one at a time: two callers (an MCP server's start and its wait tool) would both reserve a
        // slot for the same task, and both try to start its job
        synchronized (resuming) {
            return resumeUnfinished();
        }
    }

    private List<String> resumeUnfinished() {
        checkNotClosed();
        List<String> ids = new ArrayList<>();
        List<JobRecord> unfinished = store.unfinished();
        // Tasks already at the server hold their slots before any queued job can take one: the
        // threads below start in no particular order, and a queued job must not be sent first.
        for (JobRecord job : unfinished) {
            if (!running.containsKey(job.id()) && job.state().holdsServerSlot() && job.state() != JobState.SUBMITTING) {
                slots.occupy();
                reservedSlots.add(job.id());
            }
        }
        for (JobRecord job : unfinished) {
            if (!running.containsKey(job.id())) {
                events.publish(JobSnapshot.of(job, -1, -1, null));
                start(job, JobRun.Start.AS_JOURNALED);
            }
            ids.add(job.id());
        }
        return ids;
    }

    /**
     * Tries a finished job again, as {@link NextSteps} allows. Without {@code resubmit} nothing new is
     * billed: the task is polled again, or its video downloaded again. With {@code resubmit} the same
     * request is sent as a new job linked to the old one (billed again). Returns the id of the job now
     * working.
     *
     * @throws IllegalArgumentException when no job matches {@code idOrPrefix}
     * @throws JobRefusedException when the rules do not allow it now
     */
    public String retry(String idOrPrefix, boolean resubmit) {
        return retry(idOrPrefix, resubmit, null);
    }

    /** As {@link #retry(String, boolean)}; a re-submitted job saves its video at {@code resubmitOutput}. */
    public String retry(String idOrPrefix, boolean resubmit, Path resubmitOutput) {
        checkNotClosed();
        JobRecord job = resolve(idOrPrefix);
        JobSnapshot now = current(job);
        if (resubmit) {
            if (!NextSteps.allows(now, clock.instant(), NextSteps.Step.RESUBMIT)) {
                throw new JobRefusedException(now, Refusals.toRetry(now, clock.instant()));
            }
            return submit(job.request(), resubmitOutput, job.id(), job.estimatedCost());
        }
        NextSteps.Step free = NextSteps.freeRetry(now, clock.instant())
                .orElseThrow(() -> new JobRefusedException(now, Refusals.toRetry(now, clock.instant())));
        return restart(job, free == NextSteps.Step.POLL_AGAIN ? JobRun.Start.POLL_AGAIN : JobRun.Start.DOWNLOAD_AGAIN);
    }

    /**
     * Ends a job the server has not been sent: it becomes CANCELED and no process will ever send it.
     * With {@code forget}, a task already at the server (billed) stops being tracked instead; its video
     * is not downloaded.
     *
     * @throws JobRefusedException when the job is being sent, has ended, or is at the server and
     *     {@code forget} was not given
     */
    public JobSnapshot cancel(String idOrPrefix, boolean forget) {
        JobRecord job = resolve(idOrPrefix);
        List<NextSteps.Step> steps = NextSteps.of(current(job), clock.instant());
        boolean allowed = steps.contains(NextSteps.Step.CANCEL) || (forget && steps.contains(NextSteps.Step.FORGET));
        JobRecord after = allowed ? store.cancel(job.id(), clock.instant(), forget) : job;
        if (after.state() != JobState.CANCELED) {
            JobSnapshot seen = current(after);
            throw new JobRefusedException(seen, Refusals.toCancel(after.state()));
        }
        JobSnapshot ended = JobSnapshot.of(after, -1, -1, null);
        JobRun run = running.get(job.id());
        if (run != null && queued.withdraw(run)) {
            running.remove(job.id(), run); // its thread never started: it is told ended here
            events.runStopped(job.id());
            events.publish(ended);
            events.ended(job.id(), ended);
        } else if (run != null) {
            run.cancel(); // it publishes the ending itself when it stops
        } else {
            events.publish(ended);
            events.ended(job.id(), ended);
        }
        return ended;
    }

    /**
     * As {@link #redownload(String)}, into {@code target} (a file, or a folder the output policy
     * names the file in).
     */
    public String redownload(String idOrPrefix, Path target) {
        if (target != null) {
            JobRecord job = resolve(idOrPrefix);
            downloadTargets.put(job.id(), target);
        }
        return redownload(idOrPrefix);
    }

    /** Where this download goes: a target given to {@link #redownload(String, Path)}, else the policy. */
    Path downloadTarget(String id, JobSnapshot snapshot) {
        Path override = downloadTargets.remove(id);
        if (override != null) {
            return outputs.apply(snapshot.withOutputPath(override));
        }
        return outputs.apply(snapshot);
    }

    /** Jobs from the journal matching {@code query}, as they are now. */
    public List<JobSnapshot> list(JobQuery query) {
        return store.list(query).stream().map(this::current).toList();
    }

    /** True when the journal holds a job not yet ended (of this profile). */
    public boolean anyUnfinished() {
        return store.anyUnfinished();
    }

    /** How many jobs the journal holds, in any state. */
    public long count() {
        return store.count();
    }

    /** How many finished jobs were created before {@code before} (what {@link #prune} would forget). */
    public int finishedBefore(Instant before) {
        return store.countFinishedBefore(before);
    }

    /** Forgets the finished jobs created before {@code before}; their videos stay. Returns how many. */
    public int prune(Instant before) {
        return store.pruneFinishedBefore(before);
    }

    /** Compacts the journal file (after a prune it keeps its size until this). */
    public void vacuum() {
        store.vacuum();
    }

    /** Downloads a finished task's video again (a fresh URL from get-result, within 12 hours). */
    public String redownload(String idOrPrefix) {
        checkNotClosed();
        JobRecord job = resolve(idOrPrefix);
        JobSnapshot now = current(job);
        if (!NextSteps.allows(now, clock.instant(), NextSteps.Step.DOWNLOAD_AGAIN)) {
            throw new JobRefusedException(now, Refusals.toRedownload(now, clock.instant()));
        }
        return restart(job, JobRun.Start.DOWNLOAD_AGAIN);
    }

    private String restart(JobRecord job, JobRun.Start how) {
        if (running.containsKey(job.id()) || !leases.acquire(job)) {
            throw new JobRefusedException(current(job), Refusal.BUSY);
        }
        events.restarting(job.id());
        start(job, how);
        return job.id();
    }

    private JobRecord resolve(String idOrPrefix) {
        return store.find(idOrPrefix).orElseThrow(() -> new IllegalArgumentException("no job with id " + idOrPrefix));
    }

    /** Stars or un-stars the job with this id or unique id prefix; returns it as it is now. */
    public JobSnapshot star(String idOrPrefix, boolean on) {
        JobRecord job = resolve(idOrPrefix);
        store.star(job.id(), on, clock.instant());
        return current(job);
    }

    /** The copies later downloads saved of this job's video, oldest first. */
    public List<dev.jimeng.store.SavedCopy> copies(String id) {
        return store.copies(id);
    }

    /** Ids of the starred jobs, newest first. */
    public java.util.Set<String> starred() {
        return store.starred();
    }

    /** The store's marks of sets made as one (see {@link JobStore#group}); the engine never reads them. */
    public String group(List<String> ids) {
        return store.group(ids, clock.instant());
    }

    /** The group marks of just these jobs (a list's rows), by primary key. */
    public dev.jimeng.store.GroupMarks marksOf(java.util.Collection<String> ids) {
        return store.marksOf(ids);
    }

    /** Puts jobs into the group of this id (a caller's chosen name, see {@link JobStore#join}). */
    public String join(String group, List<String> ids) {
        return store.join(group, ids, clock.instant());
    }

    public java.util.Map<String, String> groups() {
        return store.groups();
    }

    public List<String> members(String group) {
        return store.members(group);
    }

    /** Marks the job its group's winner; false when it is in no group. */
    public boolean pick(String idOrPrefix) {
        return store.pick(resolve(idOrPrefix).id(), clock.instant());
    }

    public java.util.Set<String> picked() {
        return store.picked();
    }

    /** The job with this id or unique id prefix, as it is now. */
    public Optional<JobSnapshot> job(String idOrPrefix) {
        return store.find(idOrPrefix).map(this::current);
    }

    /**
     * Completes with the job's final snapshot when it reaches a terminal state (done, failed,
     * expired, submit unknown), while this manager drives or watches it. Cancelled by {@link
     * #close()}.
     */
    public CompletableFuture<JobSnapshot> whenTerminal(String id) {
        CompletableFuture<JobSnapshot> ending = events.ending(id);
        if (!running.containsKey(id)) {
            store.get(id).filter(j -> j.state().terminal()).ifPresent(j -> ending.complete(current(j)));
        }
        return ending;
    }

    /** Blocks until the job ends (see {@link #whenTerminal}); CancellationException on close. */
    public JobSnapshot awaitTerminal(String id) throws InterruptedException {
        try {
            return whenTerminal(id).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Typical time from submit to done for {@code mode}, from the last finished jobs (for ETAs). */
    public Optional<Duration> typicalGenerationTime(String mode) {
        return durations.typical(mode);
    }

    /** How many of our tasks hold a server slot now, and how many wait for one. */
    public int tasksAtServer() {
        return slots.inUse();
    }

    /** How many of our tasks may be at the server at once from now on (jobs not sent yet follow it). */
    public void setServerConcurrency(int value) {
        slots.setLimit(value);
    }

    /** The time between two polls of a task from now on: every job's next wait follows it. */
    public synchronized void setPollInterval(Duration value) {
        settings = settings.withPollInterval(value);
    }

    /** How many of the jobs this manager works on have a thread now (queued ones get theirs with a slot). */
    int runsOnThreads() {
        return (int) running.values().stream().filter(r -> r.thread() != null).count();
    }

    public int tasksWaitingForSlot() {
        return queued.size() + slots.waiting();
    }

    @Override
    public List<JobSnapshot> jobs() {
        Map<String, JobSnapshot> byId = new LinkedHashMap<>();
        for (JobRecord job : store.list(JobQuery.newest(1000))) {
            byId.put(job.id(), current(job));
        }
        return List.copyOf(byId.values());
    }

    @Override
    public AutoCloseable subscribe(Consumer<JobSnapshot> listener) {
        return events.subscribe(listener);
    }

    /**
     * Stops driving jobs: a submit already on the wire may finish (and record its task id) for a
     * few seconds, everything else stops at once; leases are released so another process (or the
     * next start) carries the jobs on.
     */
    @Override
    public void close() {
        closing = true;
        queued.close();
        try {
            stopRuns();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // leases are still released below
        }
        try {
            store.releaseLeases(settings.ownerId());
        } catch (RuntimeException e) {
            // the journal cannot be written (locked, full): our leases expire on their own
        }
        events.close();
        hasher.close();
    }

    private void stopRuns() throws InterruptedException {
        List<JobRun> runs = List.copyOf(running.values());
        for (JobRun run : runs) {
            if (!run.inSubmitCall() && run.thread() != null) {
                run.thread().interrupt();
            }
        }
        for (JobRun run : runs) {
            Thread thread = run.thread();
            if (thread != null && !thread.join(SUBMIT_GRACE)) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        }
    }

    // --- for JobRun and its steps ---

    boolean closing() {
        return closing;
    }

    /** Called last by a run; only now may the job be restarted, so only now its ending is told. */
    void runEnded(JobRun run, JobRecord last) {
        running.remove(run.id(), run);
        events.runStopped(run.id());
        if (last != null && last.state().terminal() && !closing) {
            // told as the run saw it: with when the video URL stops working (the journal has no such
            // field), and a copy of a done job's video as the copy (the journal keeps the original)
            events.ended(run.id(), run.snapshot());
        }
    }

    /**
     * Starts working on {@code job} (as last read from the journal). A queued job this process may
     * drive waits in {@link #queued} without a thread until it is near the front of the line; any
     * other starts at once (one another live process holds is watched from now on).
     */
    private void start(JobRecord job, JobRun.Start how) {
        String id = job.id();
        JobRun run = new JobRun(this, id, how);
        if (running.putIfAbsent(id, run) != null) {
            throw new IllegalStateException("job " + id + " is already being worked on");
        }
        events.runStarting(id);
        if (how == JobRun.Start.AS_JOURNALED
                && job.state() == JobState.QUEUED
                && !leases.heldByAnotherLiveProcess(job)) {
            queued.add(run);
        } else {
            run.start();
        }
    }

    private JobSnapshot current(JobRecord job) {
        JobSnapshot seen = events.latest(job.id());
        if (seen != null && running.containsKey(job.id())) {
            return seen;
        }
        return JobSnapshot.of(job, -1, -1, null);
    }

    private void checkNotClosed() {
        if (closing) {
            throw new IllegalStateException("the job manager is closed");
        }
    }
}
