package dev.jimeng.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobManager;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;

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
     * @param gcPauses the garbage collector's pauses during the run, and their total time
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
            long jitMillis,
            GcPauses gcPauses) {

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

    /** How often the collector stopped the JVM during a run, and for how long in all. */
    record GcPauses(long count, long millis) {
        /** So far in this JVM, over every collector. */
        static GcPauses sinceStart() {
            long count = 0;
            long millis = 0;
            for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new GcPauses(count, millis);
        }

        GcPauses minus(GcPauses before) {
            return new GcPauses(count - before.count, millis - before.millis);
        }
    }

    private MakespanRun() {}

    /**
     * Every setting's runs in a JVM of its own, started with the launcher's flags (C1 only, the serial
     * collector: {@link LauncherFlags}), as {@code jimeng --sandbox} runs the engine and the sandbox in one
     * process: the benchmark measures the JVM users get, not the test runner's (there the C2 compiler spent
     * 0.1–0.7 s of the two cores during each timed run, after the warm-up).
     */
    static List<Result> inLauncherJvm(Path work) throws Exception {
        Files.createDirectories(work);
        Path results = work.resolve("makespan-results.json");
        Path errors = work.resolve("makespan-stderr.txt");
        List<String> command =
                new ArrayList<>(List.of(MemoryRun.javaBinary("java").toString()));
        command.addAll(LauncherFlags.forThisJdk());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                MakespanRun.class.getName(),
                work.toString(),
                results.toString()));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the makespan runs did not finish in 15 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the makespan runs exited " + process.exitValue() + ": "
                    + Files.readString(errors, StandardCharsets.UTF_8));
        }
        List<Result> all = new ArrayList<>();
        for (JsonNode run : Json.MAPPER.readTree(results.toFile())) {
            all.add(fromJson(run));
        }
        return all;
    }

    /** The child JVM of {@link #inLauncherJvm}: {@code WORK RESULTS_JSON}. */
    public static void main(String[] args) throws Exception {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Result result : allSettings(Path.of(args[0]))) {
            out.add(toJson(result));
        }
        Json.MAPPER.writeValue(Path.of(args[1]).toFile(), out);
        System.exit(0); // the sandbox's and the engine's pools hold no work worth waiting for
    }

    /**
     * Each makespan setting {@link EngineBenchmark#MAKESPAN_ROUNDS} times, after {@link
     * EngineBenchmark#MAKESPAN_WARMUP_ROUNDS} untimed rounds of all of them (the JIT, the sandbox's cached
     * video, SQLite's native library). Runs of the same code differ by ±0.01 here, so the rounds are
     * interleaved: a slow spell of the host does not fall on one setting only.
     */
    private static List<Result> allSettings(Path work) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int round = 1 - EngineBenchmark.MAKESPAN_WARMUP_ROUNDS;
                round <= EngineBenchmark.MAKESPAN_ROUNDS;
                round++) {
            for (Duration poll : List.of(Duration.ofMillis(200), Duration.ofSeconds(1))) {
                for (int concurrency : List.of(2, 4)) {
                    Result result = run(
                            EngineBenchmark.JOBS,
                            concurrency,
                            poll,
                            EngineBenchmark.QUEUE,
                            EngineBenchmark.GENERATE,
                            work.resolve("c" + concurrency + "-" + poll.toMillis() + "-" + round));
                    if (round > 0) {
                        results.add(result);
                    }
                }
            }
        }
        return results;
    }

    private static ObjectNode toJson(Result r) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("jobs", r.jobs());
        json.put("concurrency", r.concurrency());
        json.put("poll_ms", r.pollInterval().toMillis());
        json.put("job_ms", r.jobTime().toMillis());
        json.put("makespan_s", r.makespanSeconds());
        json.put("submits", r.submits());
        json.put("get_results", r.getResults());
        json.put("max_at_server", r.maxConcurrentAtServer());
        json.put("video_bytes", r.videoBytes());
        r.detectSeconds().forEach(json.putArray("detect_s")::add);
        r.downloadSeconds().forEach(json.putArray("download_s")::add);
        r.endToEndSeconds().forEach(json.putArray("end_to_end_s")::add);
        r.handoverSeconds().forEach(json.putArray("handover_s")::add);
        json.put("jit_ms", r.jitMillis());
        json.put("gc_pauses", r.gcPauses().count());
        json.put("gc_ms", r.gcPauses().millis());
        return json;
    }

    private static Result fromJson(JsonNode json) {
        return new Result(
                json.get("jobs").asInt(),
                json.get("concurrency").asInt(),
                Duration.ofMillis(json.get("poll_ms").asLong()),
                Duration.ofMillis(json.get("job_ms").asLong()),
                json.get("makespan_s").asDouble(),
                json.get("submits").asInt(),
                json.get("get_results").asInt(),
                json.get("max_at_server").asInt(),
                json.get("video_bytes").asLong(),
                doubles(json.get("detect_s")),
                doubles(json.get("download_s")),
                doubles(json.get("end_to_end_s")),
                doubles(json.get("handover_s")),
                json.get("jit_ms").asLong(),
                new GcPauses(json.get("gc_pauses").asLong(), json.get("gc_ms").asLong()));
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values;
    }

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
            // a user's batch starts in a fresh JVM, its heap empty: one run's garbage (about 50 MB) fills
            // no young generation there, where here the runs before it would have left theirs behind
            System.gc();
            long jitBefore = jitMillis();
            GcPauses gcBefore = GcPauses.sinceStart();
            BenchEngine.Run run = BenchEngine.runAll(sandbox, settings, requests, work);
            long jit = jitMillis() - jitBefore;
            GcPauses gc = GcPauses.sinceStart().minus(gcBefore);
            return measure(
                    jobs, concurrency, poll, queue.plus(generate), run.started(), run.finished(), sandbox, jit, gc);
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
            long jitMillis,
            GcPauses gcPauses) {
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
                jitMillis,
                gcPauses);
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
