package dev.jimeng.bench;

import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's polling end to end, against a sandbox whose tasks' times spread log-normally around a
 * typical one: real HTTP, journal and history, siblings waking one another, at a tenth of real time (a
 * 2 min job at a 5 s poll becomes 12 s at 0.5 s). The fixed poll it is held against is computed on the
 * same tasks' times, as {@link PollingRun} computes it.
 */
final class SandboxPollingRun {
    /** Every time is a tenth of a real one. */
    static final int SCALE = 10;

    /**
     * @param all every job
     * @param withHistory the jobs sent after the first wave, which had history to poll by
     */
    record Result(Duration typical, int concurrency, PollingRun.Result all, PollingRun.Result withHistory) {}

    private SandboxPollingRun() {}

    static Result run(
            int jobs, int concurrency, Duration typical, double spread, Duration interval, long seed, Path work)
            throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(Duration.ZERO)
                .generateDuration(typical)
                .generateSpread(spread, seed)
                .concurrencyLimit(concurrency)
                .qpsLimit(100_000)
                .build();
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            EngineSettings settings =
                    EngineSettings.defaults().withServerConcurrency(concurrency).withPollInterval(interval);
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                requests.add(BenchEngine.textJob("polling job " + i + ": a lighthouse in fog, its beam turning", i));
            }
            List<JobSnapshot> finished =
                    BenchEngine.runAll(sandbox, settings, requests, work).finished();
            List<LoggedRequest> log = sandbox.requests();
            Map<String, Instant> acceptedAt = SandboxLog.acceptedSubmitsByPrompt(log);
            List<JobSnapshot> bySubmit = finished.stream()
                    .sorted(Comparator.comparing(j -> j.stateTimes().get(JobState.SUBMITTING)))
                    .toList();
            List<Sample> samples = new ArrayList<>();
            for (JobSnapshot job : bySubmit) {
                Instant accepted = acceptedAt.get(job.request().prompt());
                Instant done = sandbox.doneAt(job.taskId()).orElseThrow();
                samples.add(new Sample(
                        accepted,
                        done,
                        job.stateTimes().get(JobState.DOWNLOADING),
                        SandboxLog.getResults(log, job.taskId())));
            }
            trace(samples);
            return new Result(
                    typical,
                    concurrency,
                    result(samples, spread, interval),
                    result(samples.subList(concurrency, samples.size()), spread, interval));
        }
    }

    /** One job as the sandbox and the journal saw it: accepted, done at the server, seen done, asked. */
    private record Sample(Instant accepted, Instant done, Instant seen, List<Instant> getResults) {}

    /** The engine's calls and latencies for {@code samples}, against a fixed poll on the same tasks' times. */
    private static PollingRun.Result result(List<Sample> samples, double spread, Duration interval) {
        Duration real = interval.multipliedBy(SCALE);
        PollingRun.Policy engine = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
        PollingRun.Policy fixed = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
        for (Sample s : samples) {
            engine.latencySeconds().add(scaled(s.done(), s.seen()));
            engine.calls().add(s.getResults().size());
            PollingRun.poll(
                    Duration.between(s.accepted(), s.done()).multipliedBy(SCALE), Optional.empty(), real, fixed);
        }
        return new PollingRun.Result(samples.size(), spread, real, fixed, engine);
    }

    /**
     * Writes one line per job, in the order submitted, to {@code target/benchmarks/polling-trace.txt}: its time
     * at the server, how late it was seen done, and when each get-result arrived, from its submit, scaled to
     * real time.
     */
    private static void trace(List<Sample> samples) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (Sample s : samples) {
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "took %6.1f s, seen %+5.1f s, get-results at",
                    scaled(s.accepted(), s.done()),
                    scaled(s.done(), s.seen())));
            for (Instant asked : s.getResults()) {
                out.append(String.format(java.util.Locale.ROOT, " %.1f", scaled(s.accepted(), asked)));
            }
            out.append('\n');
        }
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(EngineBenchmark.REPORT_FILE.getParent());
        java.nio.file.Files.writeString(dir.resolve("polling-trace.txt"), out);
    }

    private static double scaled(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9 * SCALE;
    }
}
