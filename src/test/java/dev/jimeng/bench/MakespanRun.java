package dev.jimeng.bench;

import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * N equal jobs through a real {@link JobManager} (SQLite journal, HTTP client, resumable downloader) against
 * a fresh sandbox whose jobs take exactly {@code queue + generate}, under a concurrency limit C. Wired like
 * {@code App.jobs()}.
 */
final class MakespanRun {
    private static final Clock CLOCK = BenchEngine.CLOCK;

    /**
     * @param makespanSeconds first submit to the last job's DONE (journal time)
     * @param detectSeconds per job: server-side done (submit arrival + queue + generate, sandbox clock) to the
     *     engine's DOWNLOADING (it saw done)
     * @param downloadSeconds per job: DOWNLOADING to DONE (download, verify, journal)
     * @param endToEndSeconds per job: server-side done to DONE
     * @param handoverSeconds per freed slot: the engine seeing a task done to the sandbox accepting the next
     *     submit (FIFO: the k-th slot freed goes to job k + C)
     * @param jitMillis what the JIT compilers spent during the run (their threads share the two cores)
     */
    record Result(
            int jobs,
            int concurrency,
            Duration pollInterval,
            Duration jobTime,
            double makespanSeconds,
            int submits,
            int getResults,
            int maxConcurrentAtServer,
            long videoBytes,
            List<Double> detectSeconds,
            List<Double> downloadSeconds,
            List<Double> endToEndSeconds,
            List<Double> handoverSeconds,
            long jitMillis) {

        double idealSeconds() {
            return Math.ceil((double) jobs / concurrency) * jobTime.toNanos() / 1e9;
        }

        double ratio() {
            return makespanSeconds / idealSeconds();
        }

        int waves() {
            return (jobs + concurrency - 1) / concurrency;
        }

        /** What each wave of C jobs costs beyond T: handover, poll overshoot, and the last download. */
        double overheadPerWaveSeconds() {
            return (makespanSeconds - idealSeconds()) / waves();
        }

        double getResultsPerJob() {
            return (double) getResults / jobs;
        }
    }

    private MakespanRun() {}

    static Result run(int jobs, int concurrency, Duration poll, Duration queue, Duration generate, Path work)
            throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(queue)
                .generateDuration(generate)
                .concurrencyLimit(concurrency)
                .qpsLimit(100_000) // the engine's pacing is measured here, not the server's QPS limit
                .build();
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            EngineSettings settings =
                    EngineSettings.defaults().withServerConcurrency(concurrency).withPollInterval(poll);
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                requests.add(
                        BenchEngine.textJob("benchmark job " + i + ": a paper boat drifting down a rain gutter", i));
            }
            long jitBefore = jitMillis();
            BenchEngine.Run run = BenchEngine.runAll(sandbox, settings, requests, work);
            long jit = jitMillis() - jitBefore;
            return measure(jobs, concurrency, poll, queue.plus(generate), run.started(), run.finished(), sandbox, jit);
        }
    }

    private static Result measure(
            int jobs,
            int concurrency,
            Duration poll,
            Duration jobTime,
            Instant started,
            List<JobSnapshot> finished,
            SandboxServer sandbox,
            long jitMillis) {
        Map<String, Instant> acceptedAt = SandboxLog.acceptedSubmitsByPrompt(sandbox.requests());
        List<Double> detect = new ArrayList<>();
        List<Double> download = new ArrayList<>();
        List<Double> endToEnd = new ArrayList<>();
        List<Instant> accepted = new ArrayList<>();
        List<Instant> seenDone = new ArrayList<>();
        Instant last = started;
        for (JobSnapshot job : finished) {
            Instant submitted = acceptedAt.get(job.request().prompt());
            Instant serverDone = submitted.plus(jobTime);
            Instant seen = job.stateTimes().get(JobState.DOWNLOADING);
            accepted.add(submitted);
            seenDone.add(seen);
            Instant done = job.stateTimes().get(JobState.DONE);
            detect.add(seconds(serverDone, seen));
            download.add(seconds(seen, done));
            endToEnd.add(seconds(serverDone, done));
            last = done.isAfter(last) ? done : last;
        }
        trace(concurrency, poll, jobTime, started, finished, acceptedAt, sandbox.requests());
        Collections.sort(accepted);
        Collections.sort(seenDone);
        List<Double> handover = new ArrayList<>();
        for (int k = 0; k + concurrency < accepted.size(); k++) {
            handover.add(seconds(seenDone.get(k), accepted.get(k + concurrency)));
        }
        return new Result(
                jobs,
                concurrency,
                poll,
                jobTime,
                seconds(started, last),
                sandbox.submitCount(),
                sandbox.getResultCount(),
                sandbox.maxConcurrentTasks(),
                finished.get(0).bytesTotal(),
                detect,
                download,
                endToEnd,
                handover,
                jitMillis);
    }

    /** The JIT compilers' total time so far in this JVM. */
    private static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * Writes one line per job to {@code target/benchmarks/makespan-trace-cC-pollMS.txt}: when its submit was
     * accepted and it entered each state (seconds from the first submit), and when each of its get-results
     * arrived, against its server-side done time: where each wave's time went.
     */
    private static void trace(
            int concurrency,
            Duration poll,
            Duration jobTime,
            Instant started,
            List<JobSnapshot> finished,
            Map<String, Instant> acceptedAt,
            List<LoggedRequest> requests) {
        StringBuilder out = new StringBuilder();
        for (JobSnapshot job : finished) {
            Instant serverDone = acceptedAt.get(job.request().prompt()).plus(jobTime);
            StringBuilder polls = new StringBuilder();
            for (Instant asked : SandboxLog.getResults(requests, job.taskId())) {
                polls.append(String.format(Locale.ROOT, " %+.3f", seconds(serverDone, asked)));
            }
            Map<JobState, Instant> at = job.stateTimes();
            out.append(String.format(
                    Locale.ROOT,
                    "job %2d: queued %.3f, submitting %.3f, accepted %.3f, in_queue %.3f | from done at the server:"
                            + " seen %+.3f, DONE %+.3f, get-results%s%n",
                    finished.indexOf(job),
                    seconds(started, at.get(JobState.QUEUED)),
                    seconds(started, at.get(JobState.SUBMITTING)),
                    seconds(started, acceptedAt.get(job.request().prompt())),
                    seconds(started, at.get(JobState.IN_QUEUE)),
                    seconds(serverDone, at.get(JobState.DOWNLOADING)),
                    seconds(serverDone, at.get(JobState.DONE)),
                    polls));
        }
        try {
            Path dir = Files.createDirectories(EngineBenchmark.REPORT_FILE.getParent());
            Files.writeString(
                    dir.resolve("makespan-trace-c" + concurrency + "-poll" + poll.toMillis() + "ms.txt"), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
