package dev.jimeng.store;

import dev.jimeng.config.PrivateFiles;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.request.GenerationRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite journal of jobs ({@code jobs.db} in a directory). Thread-safe: one connection, one
 * lock. Several stores (processes) may open the same file; WAL and a busy timeout let them share
 * it, and leases decide which one drives a job. Writes that change a job's state are fenced by its
 * lease: a process that lost a job cannot overwrite the new owner's progress.
 */
public final class JobStore implements AutoCloseable {
    public static final String FILE_NAME = "jobs.db";

    /** Jobs of other profiles are not seen: not listed, resumed, counted or found. */
    public static final String DEFAULT_PROFILE = "default";

    private final Path file;
    private final String profile;
    // The writes that move a job's state live here; reads, leases and row mapping have their own
    // package-private classes. All of them share the one Journal: one connection, one lock.
    private final Journal journal;
    private final JobQueries queries;
    private final Leases leases;
    private final JobMarks marks;
    private final SavedCopies copies;

    private JobStore(Path file, Journal journal, String profile) {
        this.file = file;
        this.journal = journal;
        this.profile = profile;
        this.queries = new JobQueries(journal, profile);
        this.leases = new Leases(journal);
        this.marks = new JobMarks(journal);
        this.copies = new SavedCopies(journal);
    }

    /** Opens (creating if needed) {@code directory/jobs.db} and brings its schema up to date. */
    public static JobStore open(Path directory) {
        return open(directory, DEFAULT_PROFILE);
    }

    /**
     * As above, seeing only the jobs of {@code profile}: new jobs are tagged with it, and lists, counts,
     * the spend ledger and the unfinished jobs to resume are that profile's alone, so a job is never
     * driven with another profile's keys nor counted against its budgets.
     */
    public static JobStore open(Path directory, String profile) {
        return open(directory, Migrations.ALL, profile);
    }

    static JobStore open(Path directory, List<String> migrations) {
        return open(directory, migrations, DEFAULT_PROFILE);
    }

    static JobStore open(Path directory, List<String> migrations, String profile) {
        Path file = directory.resolve(FILE_NAME);
        try {
            // the journal holds every prompt, task id and error: the user's alone (0600, folder 0700);
            // SQLite gives the -wal and -shm files it creates the database file's permissions
            PrivateFiles.createDirectories(directory);
            PrivateFiles.createFile(file);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                PrivateFiles.restrict(file.resolveSibling(FILE_NAME + suffix));
            }
            Journal journal = Journal.open(file);
            journal.migrate(migrations);
            return new JobStore(file, journal, profile);
        } catch (IOException | SQLException e) {
            throw StoreException.of(file, "cannot open the job journal", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The profile whose jobs this store sees. */
    public String profile() {
        return profile;
    }

    /** The schema version of the open file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return journal.schemaVersion();
    }

    /**
     * Journals a new job in state QUEUED and returns it. With a non-null {@code leaseOwner} the job
     * is created already leased, so no other process can pick it up in between.
     */
    public JobRecord create(
            GenerationRequest request, String retryOf, Instant now, String leaseOwner, Instant leaseExpiresAt) {
        return create(request, null, retryOf, now, leaseOwner, leaseExpiresAt);
    }

    /**
     * As above, with the output the user asked for: a file, or a folder to name the video in (null:
     * the default folder).
     */
    public JobRecord create(
            GenerationRequest request,
            Path requestedOutput,
            String retryOf,
            Instant now,
            String leaseOwner,
            Instant leaseExpiresAt) {
        return create(request, requestedOutput, retryOf, null, now, leaseOwner, leaseExpiresAt);
    }

    /** As above, with the job's estimated price in CNY for the spend ledger (null: unknown). */
    public JobRecord create(
            GenerationRequest request,
            Path requestedOutput,
            String retryOf,
            Double estimatedCost,
            Instant now,
            String leaseOwner,
            Instant leaseExpiresAt) {
        return journal.write(
                () -> insert(request, requestedOutput, retryOf, estimatedCost, now, leaseOwner, leaseExpiresAt));
    }

    /** The row of a new QUEUED job, inside a write transaction. */
    private JobRecord insert(
            GenerationRequest request,
            Path requestedOutput,
            String retryOf,
            Double estimatedCost,
            Instant now,
            String leaseOwner,
            Instant leaseExpiresAt)
            throws SQLException {
        String requestJson = JobRows.toJson(request);
        String mode = request.mode() == null ? Capabilities.DEFAULT_MODE : request.mode();
        {
            for (int tries = 0; ; tries++) {
                String id = JobIds.next();
                if (exists(id)) {
                    if (tries > 20) {
                        throw new StoreException("cannot find a free job id");
                    }
                    continue;
                }
                try (PreparedStatement ps = journal.prepare("INSERT INTO jobs (id, created_at,"
                        + " updated_at, mode, prompt, seed, request_json, state, state_times, retry_of,"
                        + " lease_owner, lease_expires_at, output_path, estimated_cost, profile)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setLong(3, now.toEpochMilli());
                    ps.setString(4, mode);
                    ps.setString(5, request.prompt());
                    JobRows.setLong(ps, 6, request.seed());
                    ps.setString(7, requestJson);
                    ps.setString(8, JobState.QUEUED.label());
                    ps.setString(9, JobRows.toJson(Map.of(JobState.QUEUED.label(), now.toEpochMilli())));
                    ps.setString(10, retryOf);
                    ps.setString(11, leaseOwner);
                    JobRows.setLong(ps, 12, leaseOwner == null ? null : leaseExpiresAt.toEpochMilli());
                    ps.setString(13, requestedOutput == null ? null : requestedOutput.toString());
                    if (estimatedCost == null) {
                        ps.setNull(14, java.sql.Types.REAL);
                    } else {
                        ps.setDouble(14, estimatedCost);
                    }
                    ps.setString(15, profile);
                    ps.executeUpdate();
                }
                addTransition(id, JobState.QUEUED, now, retryOf == null ? null : "re-submit of " + retryOf);
                return require(id);
            }
        }
    }

    /**
     * Journals a task the server accepted but no journal recorded (see {@code jimeng attach}): a new
     * job already IN_QUEUE with {@code taskId}, leased to {@code leaseOwner}, never to be submitted.
     * Committed durably before returning. A task id some unfinished or done job already has is not
     * journaled twice: that job is returned instead.
     */
    public JobRecord attach(
            GenerationRequest request,
            String taskId,
            String reqKey,
            Path requestedOutput,
            Double estimatedCost,
            Instant now,
            String leaseOwner,
            Instant leaseExpiresAt) {
        return journal.durableWrite(() -> {
            try (PreparedStatement ps = journal.prepare("SELECT id FROM jobs WHERE task_id = ? AND state NOT IN"
                    + " ('failed', 'expired', 'canceled', 'submit_unknown') ORDER BY created_at DESC LIMIT 1")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return require(rs.getString(1));
                    }
                }
            }
            JobRecord queued = insert(request, requestedOutput, null, estimatedCost, now, leaseOwner, leaseExpiresAt);
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET task_id = ?, req_key = ? WHERE id = ?")) {
                ps.setString(1, taskId);
                ps.setString(2, reqKey);
                ps.setString(3, queued.id());
                ps.executeUpdate();
            }
            return changeState(require(queued.id()), JobState.IN_QUEUE, now, JobChanges.none());
        });
    }

    /**
     * Journals that the submit is about to be sent (state SUBMITTING, one more attempt, the req_key
     * and seed). Committed before the request leaves, so a crash during the submit is found later as
     * SUBMITTING and never sent again blindly. Only a job still QUEUED is marked: one canceled
     * meanwhile (by any process) is returned as it is, and must not be sent.
     */
    public JobRecord markSubmitting(String id, String owner, Instant now, String reqKey, Long seed) {
        return journal.durableWrite(() -> {
            JobRecord job = requireOwned(id, owner);
            if (job.state() != JobState.QUEUED) {
                return job;
            }
            try (PreparedStatement ps = journal.prepare(
                    "UPDATE jobs SET req_key = ?, seed = ?," + " submit_attempts = submit_attempts + 1 WHERE id = ?")) {
                ps.setString(1, reqKey);
                JobRows.setLong(ps, 2, seed);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return changeState(job, JobState.SUBMITTING, now, JobChanges.none());
        });
    }

    /**
     * Moves an owned job to {@code state} and writes {@code changes}, in one transaction.
     *
     * @throws LeaseLostException when {@code owner} does not hold the job's lease
     */
    public JobRecord transition(String id, String owner, JobState state, Instant now, JobChanges changes) {
        return journal.write(() -> changeState(requireOwned(id, owner), state, now, changes));
    }

    /**
     * Records the SHA-256 of a done job's video, computed after the job was journaled DONE (hashing
     * is kept off the download's critical path). Only fills a hash that is missing: a later copy
     * never changes what the journal says of the original.
     */
    public void recordSha256(String id, String sha256) {
        journal.write(() -> {
            try (PreparedStatement ps =
                    journal.prepare("UPDATE jobs SET sha256 = ? WHERE id = ? AND sha256 IS NULL AND state = ?")) {
                ps.setString(1, sha256);
                ps.setString(2, id);
                ps.setString(3, JobState.DONE.label());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records the task id of an accepted submit (state IN_QUEUE) and commits before returning. Not
     * fenced by the lease: a billed task id is never dropped, whoever owns the row.
     */
    public JobRecord recordTaskId(String id, String taskId, String requestId, Instant now) {
        return journal.durableWrite(() -> {
            JobRecord job = require(id);
            try (PreparedStatement ps = journal.prepare("UPDATE jobs SET task_id = ?, request_id = ? WHERE id = ?")) {
                ps.setString(1, taskId);
                ps.setString(2, requestId);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return changeState(job, JobState.IN_QUEUE, now, JobChanges.none());
        });
    }

    /**
     * Ends a job for the user, whoever holds its lease: one still QUEUED (never sent: it can then
     * never be sent by any process, see {@link #markSubmitting}), or, with {@code forget}, one whose
     * task is at the server and not yet saved. The check and the write are one transaction, and the
     * lease is cleared with it, so whichever process drove the job loses it at its next write.
     *
     * @return the job as it is now: CANCELED when this call ended it, else untouched
     */
    public JobRecord cancel(String id, Instant now, boolean forget) {
        return journal.durableWrite(() -> {
            JobRecord job = require(id);
            boolean unsent = job.state() == JobState.QUEUED;
            boolean tracked = forget
                    && job.taskId() != null
                    && switch (job.state()) {
                        case IN_QUEUE, GENERATING, DOWNLOADING -> true;
                        default -> false;
                    };
            if (!unsent && !tracked) {
                return job;
            }
            JobRecord ended = changeState(
                    job,
                    JobState.CANCELED,
                    now,
                    unsent
                            ? JobChanges.stopped(StopReason.CANCELED, null, "canceled before it was sent")
                            : JobChanges.stopped(StopReason.FORGOTTEN, null, "no longer tracked; the task was billed"));
            try (PreparedStatement ps =
                    journal.prepare("UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return require(id);
        });
    }

    private JobRecord changeState(JobRecord job, JobState state, Instant now, JobChanges changes) throws SQLException {
        Map<String, Long> times = new LinkedHashMap<>();
        job.stateTimes().forEach((s, at) -> times.put(s.label(), at.toEpochMilli()));
        times.put(state.label(), now.toEpochMilli());
        try (PreparedStatement ps = journal.prepare("UPDATE jobs SET state = ?, state_times = ?,"
                + " updated_at = ?, error_code = ?, error_message = ?,"
                + " output_path = COALESCE(?, output_path),"
                + " bytes = CASE WHEN ? >= 0 THEN ? ELSE bytes END, sha256 = COALESCE(?, sha256),"
                + " download_attempts = download_attempts + ?, stop_reason = ? WHERE id = ?")) {
            ps.setString(1, state.label());
            ps.setString(2, JobRows.toJson(times));
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, changes.errorCode());
            ps.setString(5, changes.errorMessage());
            ps.setString(
                    6,
                    changes.outputPath() == null ? null : changes.outputPath().toString());
            ps.setLong(7, changes.bytes());
            ps.setLong(8, changes.bytes());
            ps.setString(9, changes.sha256());
            ps.setInt(10, state == JobState.DOWNLOADING ? 1 : 0);
            ps.setString(
                    11,
                    changes.stopReason() == null ? null : changes.stopReason().label());
            ps.setString(12, job.id());
            ps.executeUpdate();
        }
        addTransition(job.id(), state, now, changes.errorMessage());
        return require(job.id());
    }

    private void addTransition(String id, JobState state, Instant at, String note) throws SQLException {
        try (PreparedStatement ps =
                journal.prepare("INSERT INTO transitions(job_id, state, at, note) VALUES (?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, state.label());
            ps.setLong(3, at.toEpochMilli());
            ps.setString(4, note);
            ps.executeUpdate();
        }
    }

    /** Journals a copy of a done job's video that a later download saved; the job itself is unchanged. */
    public void recordCopy(String id, SavedCopy copy) {
        copies.record(id, copy);
    }

    /** The copies later downloads saved of this job's video, oldest first. */
    public List<SavedCopy> copies(String id) {
        return copies.of(id);
    }

    /** Stars (or un-stars) the job with exactly this id; false when there is none. */
    public boolean star(String id, boolean on, Instant now) {
        return marks.star(id, on, now);
    }

    /** Ids of the starred jobs, newest first. */
    public java.util.Set<String> starred() {
        return marks.starred();
    }

    /** Puts these jobs into one new group (a set made as one); returns the group's id. */
    public String group(List<String> ids, Instant now) {
        return marks.group(ids, now);
    }

    /**
     * Puts these jobs into the group {@code group}, a name the caller chose (a storyboard's, found
     * again by the next run of it); returns the group's id.
     */
    public String join(String group, List<String> ids, Instant now) {
        if (!JobIds.isPrefix(group) || group.length() != JobIds.LENGTH) {
            throw new IllegalArgumentException("a group id is " + JobIds.LENGTH + " of " + JobIds.ALPHABET);
        }
        return marks.join(group, ids, now);
    }

    /** Job id to group id, for every job in a group. */
    public java.util.Map<String, String> groups() {
        return marks.groups();
    }

    /** The ids of a group's jobs, oldest first. */
    public List<String> members(String group) {
        return marks.members(group);
    }

    /** Marks the job the winner of its group, and no other; false when it is in no group. */
    public boolean pick(String id, Instant now) {
        return marks.pick(id, now);
    }

    /** The group marks of just these jobs (a list's rows), by primary key. */
    public GroupMarks marksOf(java.util.Collection<String> ids) {
        return marks.marksOf(ids);
    }

    /** Ids of the jobs picked as their group's winner. */
    public java.util.Set<String> picked() {
        return marks.picked();
    }

    /** The job with exactly this id. */
    public Optional<JobRecord> get(String id) {
        return queries.get(id);
    }

    /**
     * The job whose id is {@code idOrPrefix} or starts with it.
     *
     * @throws AmbiguousJobIdException when the prefix matches several jobs
     */
    public Optional<JobRecord> find(String idOrPrefix) {
        return queries.find(idOrPrefix);
    }

    /** Jobs matching {@code query}, newest first. */
    public List<JobRecord> list(JobQuery query) {
        return queries.list(query);
    }

    /** How many jobs the journal holds, in any state. */
    public long count() {
        return queries.count();
    }

    /** Every job not yet in a terminal state, oldest first (the order to resume them in). */
    public List<JobRecord> unfinished() {
        return queries.unfinished();
    }

    /** True when the journal holds an unfinished job of this profile (one look, however long the journal). */
    public boolean anyUnfinished() {
        return queries.anyUnfinished();
    }

    /**
     * How many unfinished jobs each other profile has: they are left alone here (they may only be
     * polled with their own profile's keys), and the user is told which profile carries them on.
     */
    public java.util.Map<String, Long> unfinishedElsewhere() {
        return queries.unfinishedElsewhere();
    }

    /** Everything that happened to a job, oldest first. */
    public List<JobTransition> history(String id) {
        return queries.history(id);
    }

    /**
     * How long the server took, on average, from accepting a task of {@code mode} to finishing it,
     * over the last {@code lastN} successful jobs; empty without history. For ETAs.
     */
    /** How many finished jobs (in a terminal state) were created before {@code before}. */
    public int countFinishedBefore(Instant before) {
        return journal.locked(() -> {
            try (PreparedStatement ps = journal.prepare(
                    "SELECT COUNT(*) FROM jobs WHERE created_at < ? AND state IN (" + terminalLabels() + ")")) {
                ps.setLong(1, before.toEpochMilli());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Forgets the finished jobs created before {@code before} (rows and history; their videos stay
     * where they are). Jobs still working are never touched. Returns how many were removed.
     */
    public int pruneFinishedBefore(Instant before) {
        String finished = "SELECT id FROM jobs WHERE created_at < ? AND state IN (" + terminalLabels() + ")";
        return journal.durableWrite(() -> {
            try (PreparedStatement history =
                            journal.prepare("DELETE FROM transitions WHERE job_id IN (" + finished + ")");
                    PreparedStatement copiesOf =
                            journal.prepare("DELETE FROM copies WHERE job_id IN (" + finished + ")");
                    PreparedStatement jobs = journal.prepare(
                            "DELETE FROM jobs WHERE created_at < ? AND state IN (" + terminalLabels() + ")")) {
                history.setLong(1, before.toEpochMilli());
                history.executeUpdate();
                copiesOf.setLong(1, before.toEpochMilli());
                copiesOf.executeUpdate();
                jobs.setLong(1, before.toEpochMilli());
                return jobs.executeUpdate();
            }
        });
    }

    /** Rewrites the journal file without the space removed jobs left (SQLite's VACUUM). */
    public void vacuum() {
        journal.executeAlone("VACUUM");
    }

    private static String terminalLabels() {
        return java.util.Arrays.stream(JobState.values())
                .filter(JobState::terminal)
                .map(s -> "'" + s.label() + "'")
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The spend ledger of the jobs created since {@code since} (Instant.EPOCH: all), one row per mode. */
    public java.util.List<SpendRow> spend(Instant since) {
        return queries.spend(since);
    }

    /**
     * How long the last {@code lastN} jobs of {@code mode} seen done (downloading or done; and {@code
     * seconds} of video, unless null; no length given counts as {@code defaultSeconds}) took from the
     * accepted submit to the poll that saw them done, newest first.
     */
    public List<Duration> recentGenerationTimes(String mode, Integer seconds, int defaultSeconds, int lastN) {
        return queries.recentGenerationTimes(mode, seconds, defaultSeconds, lastN);
    }

    /**
     * Takes the job's lease for {@code owner} if it is free, expired or already {@code owner}'s.
     * Atomic across processes.
     */
    public boolean tryAcquireLease(String id, String owner, Instant now, Duration ttl) {
        return leases.tryAcquire(id, owner, now, ttl);
    }

    /**
     * Takes the job's lease from {@code deadOwner} (a process known to have died) for {@code owner},
     * only if {@code deadOwner} still holds it. Atomic across processes: of two processes taking over
     * the same dead owner's job, one wins.
     */
    public boolean takeOverLease(String id, String deadOwner, String owner, Instant now, Duration ttl) {
        return leases.takeOver(id, deadOwner, owner, now, ttl);
    }

    /** Extends {@code owner}'s lease on one job; false when another process has taken it. */
    public boolean renewLease(String id, String owner, Instant now, Duration ttl) {
        return leases.renew(id, owner, now, ttl);
    }

    /** Extends every lease {@code owner} still holds; returns how many. */
    public int renewLeases(String owner, Instant now, Duration ttl) {
        return leases.renewAll(owner, now, ttl);
    }

    /** Gives up {@code owner}'s lease on one job (no-op when not held). */
    public void releaseLease(String id, String owner) {
        leases.release(id, owner);
    }

    /** Gives up every lease {@code owner} holds (a clean shutdown): others may take over at once. */
    public int releaseLeases(String owner) {
        return leases.releaseAll(owner);
    }

    @Override
    public void close() {
        journal.close();
    }

    // --- plumbing ---

    private boolean exists(String id) throws SQLException {
        try (PreparedStatement ps = journal.prepare("SELECT 1 FROM jobs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private JobRecord require(String id) throws SQLException {
        return queries.load(id).orElseThrow(() -> new StoreException("no job " + id));
    }

    private JobRecord requireOwned(String id, String owner) throws SQLException {
        JobRecord job = require(id);
        if (owner == null || !owner.equals(job.leaseOwner())) {
            throw new LeaseLostException(id, owner);
        }
        return job;
    }
}
