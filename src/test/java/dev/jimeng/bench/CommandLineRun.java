package dev.jimeng.bench;

import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobRecord;
import dev.jimeng.store.JobState;
import dev.jimeng.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The packaged jar running {@code batch FILE --yes --concurrency C} against a sandbox whose jobs take T,
 * timed from the process start to its exit (JVM start-up, journal creation and the last download
 * included), as a user at a shell would time it.
 */
final class CommandLineRun {
    /**
     * @param seconds process start to exit
     * @param startSeconds process start to the sandbox accepting the first submit
     * @param slipSeconds what the waves added to ⌈N/C⌉·T: the last task's server-side done less the first
     *     accepted submit, less ⌈N/C⌉·T
     * @param lastSeconds the last task's server-side done to the last job DONE (seeing it, downloading it)
     * @param exitSeconds the last job DONE to the process exit
     * @param detectSeconds per job, in the order they were submitted: server-side done to DOWNLOADING (it
     *     was seen done)
     * @param handoverSeconds per freed slot: seen done to the next submit accepted
     */
    record Result(
            int jobs,
            int concurrency,
            Duration jobTime,
            Duration pollInterval,
            double seconds,
            int exitCode,
            double startSeconds,
            double slipSeconds,
            double lastSeconds,
            double exitSeconds,
            List<Double> detectSeconds,
            List<Double> handoverSeconds) {
        double idealSeconds() {
            return Math.ceil((double) jobs / concurrency) * jobTime.toNanos() / 1e9;
        }

        double ratio() {
            return seconds / idealSeconds();
        }
    }

    private CommandLineRun() {}

    /**
     * @param launch the command that starts jimeng, as a user types it (the repo's launcher, or {@code java
     *     … -jar jimeng.jar})
     */
    static Result run(
            List<String> launch, int jobs, int concurrency, Duration queue, Duration generate, Duration poll, Path work)
            throws Exception {
        SandboxConfig config = SandboxConfig.builder()
                .queueDuration(queue)
                .generateDuration(generate)
                .concurrencyLimit(concurrency)
                .qpsLimit(100_000)
                .build();
        Path home = Files.createDirectories(work.resolve("home"));
        Path out = Files.createDirectories(work.resolve("videos"));
        Path batch = work.resolve("jobs.txt");
        Files.write(
                batch,
                IntStream.range(0, jobs)
                        .mapToObj(i -> "command-line job " + i + ": a kite over a winter beach")
                        .toList());
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            List<String> command = new ArrayList<>(launch);
            command.addAll(List.of(
                    "batch",
                    batch.toString(),
                    "--yes",
                    "--concurrency",
                    "" + concurrency,
                    "--output-dir",
                    out.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.txt").toFile())
                    .redirectError(work.resolve("stderr.txt").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_"));
            env.put("VOLC_ACCESSKEY", sandbox.credentials().accessKeyId());
            env.put("VOLC_SECRETKEY", sandbox.credentials().secretAccessKey());
            env.put("JIMENG_VIDEO_API_URL", sandbox.baseUrl());
            env.put("JIMENG_HOME", home.toString());
            env.put("JIMENG_VIDEO_POLL_INTERVAL", Double.toString(poll.toMillis() / 1000.0));
            long start = System.nanoTime();
            Instant startedAt = Instant.now();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("jimeng batch did not finish in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant exitedAt = startedAt.plusNanos(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jimeng batch exited " + process.exitValue() + ": "
                        + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
            }
            List<JobRecord> done;
            try (JobStore store = JobStore.open(home)) {
                done = store.list(JobQuery.newest(jobs));
            }
            return breakdown(
                    jobs,
                    concurrency,
                    queue.plus(generate),
                    poll,
                    seconds,
                    process.exitValue(),
                    startedAt,
                    exitedAt,
                    done,
                    sandbox.requests());
        }
    }

    /** Where the time went, from the sandbox's log and the journal the run left (one clock: this machine's). */
    private static Result breakdown(
            int jobs,
            int concurrency,
            Duration jobTime,
            Duration poll,
            double seconds,
            int exitCode,
            Instant startedAt,
            Instant exitedAt,
            List<JobRecord> done,
            List<LoggedRequest> requests) {
        List<Instant> accepted = requests.stream()
                .filter(r -> r.target().equals("CVSync2AsyncSubmitTask")
                        && r.businessCode() != null
                        && r.businessCode() == 10000)
                .map(LoggedRequest::time)
                .sorted()
                .toList();
        Map<String, Instant> acceptedByPrompt = new HashMap<>();
        for (LoggedRequest r : requests) {
            if (r.target().equals("CVSync2AsyncSubmitTask") && r.businessCode() != null && r.businessCode() == 10000) {
                acceptedByPrompt.putIfAbsent(r.body().path("prompt").asText(), r.time());
            }
        }
        List<Double> detect = new ArrayList<>();
        List<Instant> seen = new ArrayList<>();
        Instant lastServerDone = Instant.MIN;
        Instant lastDone = Instant.MIN;
        List<JobRecord> bySubmit = done.stream()
                .sorted(java.util.Comparator.comparing(
                        j -> acceptedByPrompt.get(j.request().prompt())))
                .toList();
        for (JobRecord job : bySubmit) {
            Instant serverDone = acceptedByPrompt.get(job.request().prompt()).plus(jobTime);
            Instant seenAt = job.stateTimes().get(JobState.DOWNLOADING);
            Instant doneAt = job.stateTimes().get(JobState.DONE);
            detect.add(seconds(serverDone, seenAt));
            seen.add(seenAt);
            lastServerDone = serverDone.isAfter(lastServerDone) ? serverDone : lastServerDone;
            lastDone = doneAt.isAfter(lastDone) ? doneAt : lastDone;
        }
        Collections.sort(seen);
        List<Double> handover = new ArrayList<>();
        for (int k = 0; k + concurrency < accepted.size(); k++) {
            handover.add(seconds(seen.get(k), accepted.get(k + concurrency)));
        }
        double ideal = Math.ceil((double) jobs / concurrency) * jobTime.toNanos() / 1e9;
        return new Result(
                jobs,
                concurrency,
                jobTime,
                poll,
                seconds,
                exitCode,
                seconds(startedAt, accepted.get(0)),
                seconds(accepted.get(0), lastServerDone) - ideal,
                seconds(lastServerDone, lastDone),
                seconds(lastDone, exitedAt),
                detect,
                handover);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
