package dev.jimeng.bench;

import dev.jimeng.job.EngineSettings;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
            Map<String, Instant> acceptedAt = SandboxLog.acceptedSubmitsByPrompt(sandbox.requests());
            List<JobSnapshot> byAcceptance = finished.stream()
                    .sorted((a, b) -> a.stateTimes()
                            .get(JobState.SUBMITTING)
                            .compareTo(b.stateTimes().get(JobState.SUBMITTING)))
                    .toList();
            PollingRun.Policy engineAll = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
            PollingRun.Policy fixedAll = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
            PollingRun.Policy engineLater = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
            PollingRun.Policy fixedLater = new PollingRun.Policy(new ArrayList<>(), new ArrayList<>());
            for (int k = 0; k < byAcceptance.size(); k++) {
                JobSnapshot job = byAcceptance.get(k);
                Instant done = sandbox.doneAt(job.taskId()).orElseThrow();
                Instant seen = job.stateTimes().get(JobState.DOWNLOADING);
                double latency = Duration.between(done, seen).toNanos() / 1e9 * SCALE;
                int calls =
                        SandboxLog.getResults(sandbox.requests(), job.taskId()).size();
                Duration atServer =
                        Duration.between(acceptedAt.get(job.request().prompt()), done);
                for (PollingRun.Policy into : k < concurrency ? List.of(engineAll) : List.of(engineAll, engineLater)) {
                    into.latencySeconds().add(latency);
                    into.calls().add(calls);
                }
                for (PollingRun.Policy into : k < concurrency ? List.of(fixedAll) : List.of(fixedAll, fixedLater)) {
                    PollingRun.poll(atServer.multipliedBy(SCALE), Optional.empty(), interval.multipliedBy(SCALE), into);
                }
            }
            trace(byAcceptance, acceptedAt, sandbox);
            Duration real = interval.multipliedBy(SCALE);
            return new Result(
                    typical,
                    concurrency,
                    new PollingRun.Result(jobs, spread, real, fixedAll, engineAll),
                    new PollingRun.Result(jobs - concurrency, spread, real, fixedLater, engineLater));
        }
    }

    /**
     * Writes one line per job, in the order sent, to {@code target/benchmarks/polling-trace.txt}: its time at
     * the server and when each get-result arrived, from its submit, scaled to real time.
     */
    private static void trace(List<JobSnapshot> jobs, Map<String, Instant> acceptedAt, SandboxServer sandbox)
            throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (JobSnapshot job : jobs) {
            Instant accepted = acceptedAt.get(job.request().prompt());
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "took %6.1f s, seen %+5.1f s, get-results at",
                    scaled(accepted, sandbox.doneAt(job.taskId()).orElseThrow()),
                    scaled(
                            sandbox.doneAt(job.taskId()).orElseThrow(),
                            job.stateTimes().get(JobState.DOWNLOADING))));
            for (Instant asked : SandboxLog.getResults(sandbox.requests(), job.taskId())) {
                out.append(String.format(java.util.Locale.ROOT, " %.1f", scaled(accepted, asked)));
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
