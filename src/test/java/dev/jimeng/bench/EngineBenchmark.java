package dev.jimeng.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job-engine benchmark: not a test of behaviour but a measurement, written to {@code
 * target/benchmarks/engine.md} and {@code engine.json}. Run it with {@code bench/run} (which packages the jar
 * first, for the memory part). The assertions only check that the runs did what they should (all jobs done,
 * all in flight), never the numbers: those are compared with their aims in the report.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineBenchmark {
    static final Path REPORT_FILE = Path.of("target", "benchmarks", "engine.md");
    static final BenchmarkReport REPORT = new BenchmarkReport("Job engine benchmark", BenchmarkReport.machine());

    static final int JOBS = 20;
    static final Duration QUEUE = Duration.ofMillis(300);
    static final Duration GENERATE = Duration.ofMillis(700);
    static final double MAKESPAN_AIM = 1.03;
    static final double JOURNAL_AIM = 1.2;
    /** Runs of each command on each journal: start-up noise is a few tenths of a second. */
    static final int JOURNAL_ROUNDS = 7;
    /** Runs of each makespan setting; the summary gives their median. */
    static final int MAKESPAN_ROUNDS = 3;

    /**
     * Untimed rounds of all four makespan settings first (the JIT, the sandbox's cached video, SQLite's
     * native library). Measured when the runs were still made in the test runner's JVM (both
     * compilers): in A/B runs of two settings per round the JIT compiled 4.1–4.5 s in the first run and
     * 0.55–1.45 s in each of the next five, on the two cores the engine and the sandbox share, and the
     * first timed round after one warm-up round ran 0.02–0.04 slower than the rest.
     */
    static final int MAKESPAN_WARMUP_ROUNDS = 2;

    /** Runs of the command-line batch; the report gives each and their median. */
    static final int COMMAND_LINE_ROUNDS = 3;

    static final double THROUGHPUT_AIM = 0.9;
    static final long RSS_AIM_KB = 256 * 1024;

    @Test
    @Order(1)
    void makespanUnderTheConcurrencyLimit(@TempDir Path work) throws Exception {
        List<MakespanRun.Result> results = new ArrayList<>(MakespanRun.inLauncherJvm(work));
        results.sort(java.util.Comparator.comparing(MakespanRun.Result::pollInterval)
                .thenComparingInt(MakespanRun.Result::concurrency));
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "%d equal jobs (%s, %.1f MB video each); the sandbox's job time T = queue %.1f s + generate %.1f s."
                        + " Makespan: first submit to the last job DONE (downloaded and verified), against the ideal"
                        + " ⌈N/C⌉·T. Aim: ratio ≤ %.2f, done seen within one poll interval. Each setting runs %d"
                        + " times, the rounds interleaved, after %d untimed rounds of all four (the JIT's warm-up); the"
                        + " table lists every run, the summary their median. The runs are made in a JVM of their own"
                        + " started with the launcher's flags (%s), as `jimeng --sandbox` runs the engine and the"
                        + " sandbox in one process.",
                JOBS,
                dev.jimeng.mode.Capabilities.DEFAULT_MODE,
                results.get(0).videoBytes() / 1e6,
                QUEUE.toMillis() / 1e3,
                GENERATE.toMillis() / 1e3,
                MAKESPAN_AIM,
                MAKESPAN_ROUNDS,
                MAKESPAN_WARMUP_ROUNDS,
                String.join(" ", LAUNCHER_FLAGS)));
        md.add("");
        md.add("| C | poll | makespan s | ideal s | ratio | overhead / wave s | get-result / job |"
                + " done → seen s (median / max) | download s (median / max) | server done → DONE s (median / max) |"
                + " slot handover s (median / max) | peak at server | JIT s | GC pauses (s) |");
        md.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        ArrayNode json = REPORT.json("makespan").putArray("runs");
        for (MakespanRun.Result r : results) {
            Stats detect = Stats.of(r.detectSeconds());
            Stats download = Stats.of(r.downloadSeconds());
            Stats endToEnd = Stats.of(r.endToEndSeconds());
            Stats handover = Stats.of(r.handoverSeconds());
            double poll = r.pollInterval().toMillis() / 1e3;
            md.add(String.format(
                    Locale.ROOT,
                    "| %d | %.1f s | %.2f | %.1f | **%.3f** %s | %.3f | %.1f | %.3f / %.3f %s | %.3f / %.3f | %.3f / %.3f |"
                            + " %.3f / %.3f | %d | %.2f | %d (%.3f) |",
                    r.concurrency(),
                    poll,
                    r.makespanSeconds(),
                    r.idealSeconds(),
                    r.ratio(),
                    r.ratio() <= MAKESPAN_AIM ? "✓" : "✗",
                    r.overheadPerWaveSeconds(),
                    r.getResultsPerJob(),
                    detect.median(),
                    detect.max(),
                    detect.max() <= poll ? "✓" : "✗",
                    download.median(),
                    download.max(),
                    endToEnd.median(),
                    endToEnd.max(),
                    handover.median(),
                    handover.max(),
                    r.maxConcurrentAtServer(),
                    r.jitMillis() / 1e3,
                    r.gcPauses().count(),
                    r.gcPauses().millis() / 1e3));
            ObjectNode run = json.addObject();
            run.put("jobs", r.jobs());
            run.put("concurrency", r.concurrency());
            run.put("poll_interval_s", poll);
            run.put("job_time_s", r.jobTime().toMillis() / 1e3);
            run.put("makespan_s", r.makespanSeconds());
            run.put("ideal_s", r.idealSeconds());
            run.put("ratio", r.ratio());
            run.put("overhead_per_wave_s", r.overheadPerWaveSeconds());
            run.put("submits", r.submits());
            run.put("get_results", r.getResults());
            run.put("get_results_per_job", r.getResultsPerJob());
            run.put("max_tasks_at_server", r.maxConcurrentAtServer());
            run.put("video_bytes", r.videoBytes());
            run.put("jit_compile_s", r.jitMillis() / 1e3);
            run.put("gc_pauses", r.gcPauses().count());
            run.put("gc_pause_s", r.gcPauses().millis() / 1e3);
            putStats(run.putObject("done_to_seen_s"), detect);
            putStats(run.putObject("download_s"), download);
            putStats(run.putObject("server_done_to_done_s"), endToEnd);
            putStats(run.putObject("slot_handover_s"), handover);
        }
        md.add("");
        md.add("*done → seen*: the sandbox's done time (its accepted submit + T, on the shared clock) to the journal's"
                + " DOWNLOADING time (the engine saw done). *download*: DOWNLOADING to DONE (HTTP download straight"
                + " into the file, fsync, length and MP4 check, rename, journal; the SHA-256 is journaled after DONE)."
                + " *slot handover*: the engine seeing a task done to the sandbox accepting the next submit (slot"
                + " released at once, lease, durable SUBMITTING write, HTTP submit).");
        md.add("");
        md.add("Each wave of C jobs costs T plus about *done → seen* plus *slot handover*; the first submits and"
                + " the last download add once. Each run starts with an empty journal. Without history the"
                + " first wave takes turns: the k-th of C jobs waits (1 − k/C) of an interval before its second"
                + " poll, so together they look every interval/C, and the first seen done wakes the others,"
                + " which look at once when the news puts them in their dense polls and they have been at the"
                + " server as long as it ran (`PollNews`). A job counts"
                + " in the history once it is seen done, so the second wave polls by it: once a"
                + " twentieth of T early, then (from three jobs, which tell a spread; before that a twentieth of"
                + " T) every 10 ms or so (half the history's spread, at least 10 ms, counted from when the last"
                + " poll was sent) from just before the expected end. Each run's per-job poll"
                + " times are in `target/benchmarks/makespan-trace-*.txt`. The journal writes on this path are"
                + " one fsync each at most (SUBMITTING and the task id are synced; the rest are WAL commits),"
                + " and reads (the history before each wait) have a connection of their own, so they never"
                + " wait for a write's fsync.");
        md.add("");
        md.add("Where the time goes at T = 1 s: the aim leaves 30 ms per wave (0.3 s per run at C = 2, 0.15 s"
                + " at C = 4) for seeing done and handing the slot over, and this machine spends 15–40 ms."
                + " Measured with temporary timers in runs (not part of this benchmark): a get-result takes"
                + " 4–6 ms (median) on loopback after a 20 ms pause, against 0.3 ms for a bare socket round trip"
                + " in a separate test program — the JDK's HTTP server and client hand each request across"
                + " several threads, and each wakes cold; a durable journal write (SUBMITTING, a task id)"
                + " commits in 3–4 ms, its fsync, and at the end of a wave of C = 4 up to a dozen writes (four"
                + " SUBMITTING, four task ids, the DOWNLOADING of the done jobs, the next runs' leases) take"
                + " turns on the one write connection, so the last SUBMITTING of a slow wave waited 10–50 ms."
                + " So a wave is seen 5–20 ms after done (up to the 10 ms dense gap, a get-result, a journal"
                + " write) and hands its slot over in 5–20 ms; the first wave's submits wait on one another's"
                + " fsyncs, and the last download (its fsync) adds 15–30 ms: together 1–2 % of the 5 s ideal"
                + " at C = 4. Runs of the same code differ by ±1 % (the host; the JIT column is what the"
                + " compilers spent during each run, 0.0–0.1 s with the launcher's first compiler alone, where in"
                + " the test runner's JVM the second one still spent 0.1–0.9 s; the GC column is the"
                + " collector's pauses, 38–67 ms each here: each run starts with the heap collected, as a"
                + " user's batch starts in a fresh process, and one run's garbage then fills no young"
                + " generation), as much as any"
                + " change tried, so changes are judged by A/B runs in one JVM, rounds interleaved. Kept: the"
                + " slot is released on the done answer (not after the download); the next submitter is woken"
                + " by the slot itself and stands in line with its lease taken; polling follows the history;"
                + " a poll's round trip counts toward the wait before the next (seen 9–17 ms after done,"
                + " median, from 18–28); the SHA-256 no longer delays DONE; jobs without history take turns"
                + " and share news of done (for real jobs, whose time is no multiple of the interval, the"
                + " first wave is seen within interval/C rather than an interval; in these runs, where T is"
                + " exactly 5 and 1 intervals, polling in step was as often lucky); reads no longer wait on"
                + " fsyncs; a done video's download, and then its hash, waits until no slot is being handed"
                + " over (at most 2 s): at C = 4, 1.052 → 1.039 in 12 interleaved pairs, every one faster or"
                + " equal, the handover median about halved (an earlier try of the download's wait alone, before"
                + " the hash waited too, measured no change); a dense gap of 10 ms, not 20: the history is of"
                + " when tasks were seen done, so for tasks of one fixed time the estimate settles up to a gap"
                + " late (traces of slow runs: a dense poll 2 ms before done, the next 18 ms after, every"
                + " wave), and in 12 interleaved runs each one saw done sooner (mean 6.3 against 9.2 ms),"
                + " 0.2 s medians 1.026 → 1.023, calls per job unchanged (stop 28; the 10 ms gap tried in"
                + " stop 26, before the download waited for the handover, had measured 1.034 against"
                + " 1.033); hashes on a platform thread of their own, off the virtual threads' carriers"
                + " (timers caught a DONE write waiting 26 ms behind two hashes on the two carriers); no lease"
                + " write for a job this process has just queued (the first wave's runs stood in line 9 ms"
                + " after the first was queued rather than 34). Tried and dropped: a history of the last poll"
                + " that found a task not done (or the midpoint of that and the done poll), which removes the"
                + " estimate's lateness but cost 0.36–0.44× calls in the spread runs below (against"
                + " 0.31–0.35×); telling siblings at the done answer rather than once the history has the task"
                + " (they planned from a history without it, and some slept on for up to half an interval); a"
                + " spread read from two jobs (1.03–1.05 at C = 2 instead of 1.03–1.06, but σ 0.10's p95 went"
                + " over the fixed poll's); a 10 ms minimum gap (1.034 against 1.033); training the start-up"
                + " cache on a real job; the journal's SQLite calls on platform threads, as native calls pin a"
                + " virtual thread's carrier (1.033 against 1.032); the next queued run's lease taken only"
                + " after the handover (1.025 against 1.027, faster in 7 of 12 pairs: noise); the 20 jobs"
                + " journaled in one transaction rather than one each (1.029 against 1.029); the API's HTTP"
                + " client completing its work on its selector thread (1.026 → 1.023 at 1 s, 1.027 against"
                + " 1.028 at 0.2 s, 16 pairs); a fair journal lock, so that the first wave's durable submits"
                + " do not wait behind the batch's queueing writes (0.2 s median 1.024 against 1.021, 8"
                + " pairs); four carriers for the virtual threads instead of two (no change). With no fsync at"
                + " all, an upper bound for any cheaper commit, C = 4 measured 1.029 against 1.033; a group"
                + " commit (stop 23) and job threads as platform threads (stop 24) had not moved the medians."
                + " With real jobs of a minute or more the same per-wave cost is well under 1 %.");
        REPORT.section("Makespan, polls and done latency", md);
        for (int i = 0; i < results.size(); i += MAKESPAN_ROUNDS) {
            List<MakespanRun.Result> rounds = results.subList(i, i + MAKESPAN_ROUNDS);
            MakespanRun.Result r = rounds.getFirst();
            Stats ratio =
                    Stats.of(rounds.stream().map(MakespanRun.Result::ratio).toList());
            Stats detect = Stats.of(
                    rounds.stream().flatMap(x -> x.detectSeconds().stream()).toList());
            REPORT.summary(String.format(
                    Locale.ROOT,
                    "makespan / ideal, N=%d C=%d poll %.1f s, T=1 s: %.3f, median of %d runs (%.3f–%.3f) (aim ≤ %.2f)"
                            + " %s; %.1f get-results per job; done seen after %.3f s median, %.3f s max",
                    r.jobs(),
                    r.concurrency(),
                    r.pollInterval().toMillis() / 1e3,
                    ratio.median(),
                    MAKESPAN_ROUNDS,
                    ratio.min(),
                    ratio.max(),
                    MAKESPAN_AIM,
                    ratio.median() <= MAKESPAN_AIM ? "✓" : "✗",
                    rounds.stream()
                            .mapToDouble(MakespanRun.Result::getResultsPerJob)
                            .average()
                            .orElse(0),
                    detect.median(),
                    detect.max()));
        }
        for (MakespanRun.Result r : results) {
            assertThat(r.submits()).as("one submit per job, nothing refused").isEqualTo(r.jobs());
            assertThat(r.maxConcurrentAtServer()).isLessThanOrEqualTo(r.concurrency());
        }
    }

    /** The JVM flags the launchers (./jimeng, bin/jimeng) give this JDK, start-up cache aside. */
    static final List<String> LAUNCHER_FLAGS = LauncherFlags.forThisJdk();

    /**
     * How a user starts jimeng: the repo's launcher, with its start-up cache made beforehand (outside the
     * timing) when the launcher runs this jar; else {@code java} with the launcher's flags.
     */
    private static List<String> launcher(Path jar, Path work) throws Exception {
        Path script = Path.of("jimeng").toAbsolutePath();
        boolean repoJar = jar.toAbsolutePath()
                .normalize()
                .equals(Path.of("target", "jimeng.jar").toAbsolutePath());
        if (repoJar && Files.isExecutable(script)) {
            Process warm = new ProcessBuilder(script.toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("launcher-warm-up.txt").toFile())
                    .start();
            if (warm.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) && warm.exitValue() == 0) {
                return List.of(script.toString());
            }
            warm.destroyForcibly();
        }
        List<String> java = new ArrayList<>(List.of(MemoryRun.javaBinary("java").toString()));
        java.addAll(LAUNCHER_FLAGS);
        java.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return java;
    }

    @Test
    @Order(2)
    void eightTenSecondJobsFromTheCommandLine(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + "; bench/run packages it");
        List<String> launch = launcher(jar, work);
        // one run moves by a few tenths of a second with the host: COMMAND_LINE_ROUNDS, the median reported
        List<CommandLineRun.Result> runs = new ArrayList<>();
        for (int round = 1; round <= COMMAND_LINE_ROUNDS; round++) {
            runs.add(CommandLineRun.run(
                    launch,
                    8,
                    2,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(9),
                    Duration.ofMillis(200),
                    java.nio.file.Files.createDirectories(work.resolve("round-" + round))));
        }
        List<CommandLineRun.Result> bySeconds = runs.stream()
                .sorted(java.util.Comparator.comparingDouble(CommandLineRun.Result::seconds))
                .toList();
        CommandLineRun.Result r = bySeconds.get(bySeconds.size() / 2);
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "`%s batch FILE --yes --concurrency %d` with %d prompts against a"
                        + " sandbox whose jobs take T = %.0f s, `JIMENG_VIDEO_POLL_INTERVAL=%.1f`, a fresh JIMENG_HOME;"
                        + " timed from the process start to its exit (JVM start-up, journal creation and the last"
                        + " download included), %d times. Aim: ≤ %.2f× the ideal ⌈N/C⌉·T.",
                launch.size() == 1 ? "./jimeng" : "java " + String.join(" ", LAUNCHER_FLAGS) + " -jar jimeng.jar",
                r.concurrency(),
                r.jobs(),
                r.jobTime().toMillis() / 1e3,
                r.pollInterval().toMillis() / 1e3,
                COMMAND_LINE_ROUNDS,
                MAKESPAN_AIM));
        md.add("");
        md.add("| run | jobs | C | T s | wall s | ideal s | ratio | start-up to first submit s | waves' slip s"
                + " | last done → DONE s | DONE → exit s | done → seen s (median / max) | slot handover s (median /"
                + " max) |");
        md.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < runs.size(); i++) {
            CommandLineRun.Result run = runs.get(i);
            Stats detect = Stats.of(run.detectSeconds());
            Stats handover = Stats.of(run.handoverSeconds());
            md.add(String.format(
                    Locale.ROOT,
                    "| %d%s | %d | %d | %.0f | %.2f | %.0f | **%.3f** %s | %.3f | %.3f | %.3f | %.3f | %.3f / %.3f |"
                            + " %.3f / %.3f |",
                    i + 1,
                    run == r ? " (median)" : "",
                    run.jobs(),
                    run.concurrency(),
                    run.jobTime().toMillis() / 1e3,
                    run.seconds(),
                    run.idealSeconds(),
                    run.ratio(),
                    run.ratio() <= MAKESPAN_AIM ? "✓" : "✗",
                    run.startSeconds(),
                    run.slipSeconds(),
                    run.lastSeconds(),
                    run.exitSeconds(),
                    detect.median(),
                    detect.max(),
                    handover.median(),
                    handover.max()));
        }
        md.add("");
        md.add("done → seen s in the median run, job by job in the order they were sent: "
                + r.detectSeconds().stream()
                        .map(d -> String.format(Locale.ROOT, "%.3f", d))
                        .collect(java.util.stream.Collectors.joining(" ")));
        md.add("");
        md.add("Where the time beyond the ideal went (the sandbox's log and the journal each run left, one clock):"
                + " *start-up to first submit*: process start to the sandbox accepting the first submit (JVM, journal"
                + " creation, the batch's queueing). *waves' slip*: the last task's done at the server less the first"
                + " accepted submit, less ⌈N/C⌉·T: each wave's *done → seen* plus *slot handover*. *last done →"
                + " DONE*: seeing the last task done and downloading it. *DONE → exit*: the process ending.");
        REPORT.section("Eight ten-second jobs from the command line", md);
        REPORT.summary(String.format(
                Locale.ROOT,
                "8 jobs of 10 s at C=2 from the command line, start-up included: %.2f s, %.3f× the ideal, median of %d"
                        + " runs (%.3f–%.3f) (aim ≤ %.2f) %s",
                r.seconds(),
                r.ratio(),
                COMMAND_LINE_ROUNDS,
                bySeconds.getFirst().ratio(),
                bySeconds.getLast().ratio(),
                MAKESPAN_AIM,
                r.ratio() <= MAKESPAN_AIM ? "✓" : "✗"));
        Stats detect = Stats.of(r.detectSeconds());
        Stats handover = Stats.of(r.handoverSeconds());
        ObjectNode json = REPORT.json("command_line");
        json.put("jobs", r.jobs());
        json.put("concurrency", r.concurrency());
        json.put("runs", COMMAND_LINE_ROUNDS);
        json.put("seconds", r.seconds());
        json.put("ratio", r.ratio());
        json.put("ratio_min", bySeconds.getFirst().ratio());
        json.put("ratio_max", bySeconds.getLast().ratio());
        json.put("start_to_first_submit_s", r.startSeconds());
        json.put("waves_slip_s", r.slipSeconds());
        json.put("last_done_to_done_s", r.lastSeconds());
        json.put("done_to_exit_s", r.exitSeconds());
        putStats(json.putObject("done_to_seen_s"), detect);
        putStats(json.putObject("slot_handover_s"), handover);
        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).isZero());
    }

    @Test
    @Order(6)
    void aJournalOfAHundredThousandJobs(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + "; bench/run packages it");
        int jobs = 100_000;
        JournalScaleRun.Result r = JournalScaleRun.run(jar, jobs, JOURNAL_ROUNDS, work);
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "The same actions against a young journal of %,d jobs and one of %,d finished jobs over a"
                        + " year (`JournalGenerator`: %.1f s to write, %.0f MB), median of %d after one untimed run,"
                        + " the two journals taking turns. The commands are processes of their own (JVM start-up"
                        + " included, as a user waits for them). Aim: ≤ %.1f× the young journal. (The issue says"
                        + " an empty journal; but an empty one prints no rows, so against it the ratio timed drawing"
                        + " a table, about 0.2 s of class loading, and not the journal's size: a 20-job journal"
                        + " took as long as the 100,000-job one.)",
                JournalScaleRun.BASELINE_JOBS,
                r.jobs(),
                r.generateSeconds(),
                r.journalBytes() / 1e6,
                JOURNAL_ROUNDS,
                JOURNAL_AIM));
        md.add("");
        md.add("| action | 1,000 jobs s | 100,000 jobs s | ratio |");
        md.add("|---|---|---|---|");
        ObjectNode json = REPORT.json("journal_scale");
        json.put("jobs", r.jobs());
        json.put("journal_bytes", r.journalBytes());
        double worst = 0;
        for (var entry : r.seconds().entrySet()) {
            double[] t = entry.getValue();
            double ratio = t[1] / t[0];
            boolean inProcess = entry.getKey().contains("in-process");
            worst = inProcess ? worst : Math.max(worst, ratio);
            md.add(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | **%.2f** %s |",
                    entry.getKey(),
                    t[0],
                    t[1],
                    ratio,
                    inProcess ? "(ms scale)" : ratio <= JOURNAL_AIM ? "✓" : "✗"));
            ObjectNode row = json.putObject(entry.getKey());
            row.put("young_s", t[0]);
            row.put("full_s", t[1]);
        }
        md.add("");
        md.add("The in-process rows are milliseconds: their ratio is shown, but what the user sees is the command"
                + " around them. `jobs`, `jobs --search` and the"
                + " panel read the profile's newest rows in order from the index on (profile, created_at, mode,"
                + " state, task_id, estimated_cost), which `spend` reads alone (it covers the ledger's columns);"
                + " the duration history behind ETAs and poll schedules reads the one on (mode, created_at, …);"
                + " unfinished jobs (the check at every start, resume, the other profiles' note) are found by"
                + " state, and a job id prefix is a range of the primary key. Before, `jobs` sorted every row of"
                + " the profile to show 20 and each start read every row to find the unfinished ones;"
                + " `QueryPlanTest` now checks SQLite's plan of each of these statements. `jimeng prune --before DATE` and `--vacuum` keep a journal small for those who want it."
                + " A command's JVM start-up varies by a few tenths of a second with the machine's load, which"
                + " is the noise in these ratios.");
        REPORT.section("A journal of 100,000 jobs", md);
        REPORT.summary(String.format(
                Locale.ROOT,
                "100,000-job journal: commands at most %.2f× a young journal of 1,000 (aim ≤ %.1f) %s",
                worst,
                JOURNAL_AIM,
                worst <= JOURNAL_AIM ? "✓" : "✗"));
    }

    @Test
    @Order(3)
    void downloadThroughputAgainstCurl(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "curl is not installed");
        long size = 100_000_000L;
        int rounds = 5;
        Path video = ThroughputRun.syntheticMp4(work.resolve("synthetic.mp4"), size);
        ThroughputRun.Result r = ThroughputRun.run(video, rounds, work);
        Stats ours = Stats.of(r.mbps().get(ThroughputRun.DOWNLOADER));
        Stats curl = Stats.of(r.mbps().get(ThroughputRun.CURL));
        double medianRatio = ours.median() / curl.median();
        double bestRatio = ours.max() / curl.max();
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "A %.0f MB ftyp-prefixed file from a JDK HttpServer in its own process on 127.0.0.1, %d rounds"
                        + " after one untimed round each; within a round the variants run one after the other;"
                        + " downloads are written to tmpfs (/dev/shm) so that disk write-back does not add noise."
                        + " Aim: Downloader ≥ %.1f× curl. The rows below the line time parts of the Downloader's work"
                        + " alone (MB/s of the same %.0f MB), to show what its time goes to.",
                size / 1e6,
                rounds,
                THROUGHPUT_AIM,
                size / 1e6));
        md.add("");
        md.add("| variant | median MB/s | best MB/s | worst MB/s | median s per 100 MB |");
        md.add("|---|---|---|---|---|");
        ObjectNode json = REPORT.json("download");
        json.put("bytes", r.bytes());
        json.put("rounds", rounds);
        ObjectNode variants = json.putObject("variants_MBps");
        for (var variant : r.mbps().entrySet()) {
            Stats s = Stats.of(variant.getValue());
            if (variant.getKey().equals(ThroughputRun.CLIENT_ONLY)) {
                md.add("| *parts:* | | | | |");
            }
            md.add(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %.2f |",
                    variant.getKey(),
                    s.median(),
                    s.max(),
                    s.min(),
                    100 / s.median()));
            putStats(variants.putObject(variant.getKey()), s);
        }
        md.add("");
        md.add(String.format(
                Locale.ROOT,
                "Downloader / curl: **%.2f×** median %s, %.2f× best to best.",
                medianRatio,
                medianRatio >= THROUGHPUT_AIM ? "✓" : "✗",
                bestRatio));
        md.add("");
        md.add("The Downloader reads with the JDK's blocking `HttpURLConnection` in the downloading thread, one"
                + " 256 KiB buffer (`DownloadPolicy.defaults().bufferSize()`) per read, written straight to the"
                + " `.part` file; the HttpURLConnection row is that transport alone, the body discarded. It replaced"
                + " the JDK HttpClient, which alone, body discarded, delivered 420–685 MB/s on loopback against"
                + " curl's 1070–1410 MB/s on the machine these were first measured on: the client itself was the"
                + " ceiling (the last recorded run with it: 0.44× curl). The SHA-256 is not on this path:"
                + " the engine journals the job DONE once length and MP4 structure are verified, fsynced and"
                + " renamed, then hashes the file (the SHA-256 row shows what that costs).");
        REPORT.section("Download throughput against curl", md);
        REPORT.summary(String.format(
                Locale.ROOT,
                "download of %.0f MB over loopback: Downloader %.0f MB/s, curl %.0f MB/s (medians): %.2f× (aim ≥ %.1f×)"
                        + " %s",
                size / 1e6,
                ours.median(),
                curl.median(),
                medianRatio,
                THROUGHPUT_AIM,
                medianRatio >= THROUGHPUT_AIM ? "✓" : "✗"));
        json.put("median_ratio", medianRatio);
        json.put("best_ratio", bestRatio);
        assertThat(r.mbps().get(ThroughputRun.DOWNLOADER)).hasSize(rounds);
    }

    @Test
    @Order(4)
    void memoryWithTenThousandJobsQueued(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + "; bench/run packages it");
        int jobs = 10_000;
        int concurrency = 10;
        MemoryRun.Result r = MemoryRun.run(jar, jobs, concurrency, LAUNCHER_FLAGS, work);
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "`java %s -jar jimeng.jar batch FILE --yes --concurrency %d` with %d jobs against a sandbox whose"
                        + " tasks take 30 min, poll interval 1 s: %d tasks at the server, the rest waiting for a"
                        + " slot. All %d were journaled %.1f s after the process started. Aim: RSS ≤ 256 MB.",
                String.join(" ", r.jvmFlags()),
                concurrency,
                jobs,
                r.tasksAtServer(),
                jobs,
                r.secondsUntilJournaled()));
        md.add("");
        md.add("| when | RSS MB | peak RSS (VmHWM) MB | heap used MB | heap committed MB |");
        md.add("|---|---|---|---|---|");
        ArrayNode json = REPORT.json("memory").putArray("samples");
        for (MemoryRun.Sample s : r.samples()) {
            md.add(String.format(
                    Locale.ROOT,
                    "| %s | **%.0f** %s | %.0f | %.1f | %.1f |",
                    s.label(),
                    s.rssKb() / 1024.0,
                    s.rssKb() <= RSS_AIM_KB ? "✓" : "✗",
                    s.hwmKb() / 1024.0,
                    s.heapUsedKb() / 1024.0,
                    s.heapCommittedKb() / 1024.0));
            ObjectNode sample = json.addObject();
            sample.put("label", s.label());
            sample.put("rss_kb", s.rssKb());
            sample.put("hwm_kb", s.hwmKb());
            sample.put("heap_used_kb", s.heapUsedKb());
            sample.put("heap_committed_kb", s.heapCommittedKb());
        }
        REPORT.json("memory").put("jobs", jobs);
        REPORT.json("memory").put("concurrency", concurrency);
        REPORT.json("memory").put("seconds_until_journaled", r.secondsUntilJournaled());
        REPORT.json("memory").put("tasks_at_server", r.tasksAtServer());
        md.add("");
        md.add("`jcmd PID GC.heap_info` when all were journaled:");
        md.add("");
        md.add("```");
        md.add(r.samples().get(0).heapInfo());
        md.add("```");
        md.add("");
        md.add("Queued jobs have no thread of their own (`job.QueuedRuns`): one dispatcher starts a job's run"
                + " when the line for server slots is shorter than the number of slots, so at most C queued jobs"
                + " wait on (virtual) threads, ready to send, and each of the others is its journal row and"
                + " snapshot. Before, each queued job parked a virtual thread (its `StackChunk`, about 2.5 KB"
                + " live and far more while the 10,000 were being created): 272 MB RSS. Jackson's per-thread"
                + " buffers (8 KB per job, 80 MB in all) went earlier (a shared recycler pool). Most of what is"
                + " left is heap the serial collector grew to while the 10,000 were journaled.");
        md.add("");
        md.add("The largest classes on the heap after the full GC (`jcmd PID GC.class_histogram`):");
        md.add("");
        md.add("```");
        md.add(r.histogram());
        md.add("```");
        REPORT.section("Memory with 10,000 jobs queued", md);
        MemoryRun.Sample first = r.samples().get(0);
        REPORT.summary(String.format(
                Locale.ROOT,
                "10,000 jobs queued: RSS %.0f MB when all were journaled, peak %.0f MB (aim ≤ 256 MB) %s; heap"
                        + " used %.0f MB (%.0f MB live after a full GC)",
                first.rssKb() / 1024.0,
                r.samples().stream().mapToLong(MemoryRun.Sample::hwmKb).max().orElse(0) / 1024.0,
                r.samples().stream().allMatch(x -> x.hwmKb() <= RSS_AIM_KB) ? "✓" : "✗",
                first.heapUsedKb() / 1024.0,
                r.samples().get(r.samples().size() - 1).heapUsedKb() / 1024.0));
        assertThat(r.tasksAtServer()).isEqualTo(concurrency);
    }

    @Test
    @Order(5)
    void peakMemoryWhileReceivingAHugeApiAnswer(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("jimeng.jar", "target/jimeng.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + "; bench/run packages it");
        Assumptions.assumeTrue(Files.isExecutable(HugeAnswerRun.GNU_TIME), "GNU time (/usr/bin/time) is needed");
        HugeAnswerRun.Result ordinary = HugeAnswerRun.ordinaryJob(jar, LAUNCHER_FLAGS, work);
        HugeAnswerRun.Result huge = HugeAnswerRun.hugeAnswer(jar, LAUNCHER_FLAGS, work);
        List<String> md = new ArrayList<>();
        md.add("`java " + String.join(" ", LAUNCHER_FLAGS)
                + " -jar jimeng.jar generate PROMPT`, peak RSS by GNU time (`%M`): an ordinary job"
                + " against the sandbox, and a submit answered with 300 MiB streamed without a Content-Length (jimeng"
                + " must refuse it after 1 MiB). Aim: the same as an ordinary job, ≤ 256 MB.");
        md.add("");
        md.add("| run | peak RSS MB | exit | wall s | answer bytes the server got out |");
        md.add("|---|---|---|---|---|");
        ArrayNode json = REPORT.json("huge_answer").putArray("runs");
        for (HugeAnswerRun.Result r : List.of(ordinary, huge)) {
            md.add(String.format(
                    Locale.ROOT,
                    "| %s | **%.0f** %s | %d | %.1f | %s |",
                    r.label(),
                    r.peakRssKb() / 1024.0,
                    r.peakRssKb() <= RSS_AIM_KB ? "✓" : "✗",
                    r.exitCode(),
                    r.seconds(),
                    r.bytesSent() < 0 ? "–" : String.format(Locale.ROOT, "%.1f MiB", r.bytesSent() / 1048576.0)));
            ObjectNode run = json.addObject();
            run.put("label", r.label());
            run.put("peak_rss_kb", r.peakRssKb());
            run.put("exit_code", r.exitCode());
            run.put("seconds", r.seconds());
            run.put("bytes_sent", r.bytesSent());
        }
        REPORT.section("Peak memory while receiving a 300 MiB API answer", md);
        REPORT.summary(String.format(
                Locale.ROOT,
                "300 MiB API answer: peak RSS %.0f MB vs %.0f MB for an ordinary job (aim: unchanged, ≤ 256 MB) %s",
                huge.peakRssKb() / 1024.0,
                ordinary.peakRssKb() / 1024.0,
                huge.peakRssKb() <= RSS_AIM_KB ? "✓" : "✗"));
        assertThat(ordinary.exitCode()).as(ordinary.stderr()).isZero();
        assertThat(huge.stderr()).contains("larger than 1 MiB");
    }

    @Test
    @Order(7)
    void pollsThatFollowTheWork() {
        Duration fixedInterval = Duration.ofSeconds(5);
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "Jobs of six kinds (mode and length) whose typical times are 30 s, 45 s, 1, 1.5, 2 and 3 min, 200"
                        + " of each, each job's time log-normal around its kind's (spread σ, seeded), in virtual"
                        + " time: the engine's `PollSchedule` with the low estimate `TaskDurations` takes from the"
                        + " last 30 jobs of the kind as they were seen done, against a fixed %d s poll (the default"
                        + " interval; once a task is overdue the adaptive schedule waits at most 0.9 of it). Latency:"
                        + " done at the server to seen done. Aim: at most ⅓ of the fixed poll's get-result calls"
                        + " per job, at equal or better median and p95 latency.",
                fixedInterval.toSeconds()));
        md.add("");
        md.add("| σ | policy | get-result / job | latency median s | latency p95 s | latency max s |");
        md.add("|---|---|---|---|---|---|");
        for (double spread : List.of(0.10, 0.15)) {
            pollingRows(md, PollingRun.run(200, spread, fixedInterval, 42));
        }
        // wider than real tasks spread: shown, but no aim is claimed for it (no summary line)
        policyRows(md, "0.20 (no aim)", "adaptive", PollingRun.run(200, 0.20, fixedInterval, 42));
        md.add("");
        md.add("The first jobs of each kind have no history and poll as the fixed run does. Before the early look"
                + " (a twentieth before the low estimate, the history's tenth percentile) a job is looked at only"
                + " often enough that no wait is over 18 intervals (90 s): once for the 3 min jobs, never for"
                + " those of 1.5 min or less. From there the gap is half the history's spread (the upper quartile"
                + " less the low estimate, from three jobs on), at most 0.9 of the interval, 4.5 s, and so are"
                + " the gaps once a job is overdue (a gap over half the early one starts at the early look): the tenth of jobs that end before the low estimate are seen"
                + " at the early look, up to its distance late, and gaps a little under the fixed poll's keep"
                + " the p95 under the fixed poll's all the same. Before (stop 22) there was a look half-way,"
                + " the dense gap was capped at a twentieth of the expected time (1.5 s for a 30 s job) and"
                + " overdue gaps at the interval: 0.31× and 0.35× the calls, and a p95 of 4.94 s against 4.74 at"
                + " σ 0.15. `PollingAimTest` checks the aim on three draws of each σ. At σ 0.20 (the last row,"
                + " wider than the spreads the aim is judged on) the schedule needs more than a third of the calls and its p95"
                + " goes over the fixed poll's: the aim is not claimed there. A lower quantile (0.05) or denser polling (a fiftieth of the expected"
                + " time) were tried: both cost more calls than they save latency."
                + " The run is of the schedule alone (no HTTP), in virtual time; the next section runs the"
                + " engine against the sandbox. The engine's own share of latency (one get-result and one journal write, a few ms) is in the makespan"
                + " table. A 50429 answer"
                + " doubles every wait of the account (`AccountPace`, up to 8×, halved after each calm 30 s):"
                + " unit-tested, not benchmarked.");
        REPORT.section("Polls that follow the work", md);
    }

    @Test
    @Order(8)
    void pollsThatFollowTheWorkEndToEnd(@TempDir Path work) throws Exception {
        Duration typical = Duration.ofSeconds(12);
        Duration interval = Duration.ofMillis(500);
        int jobs = 48;
        int concurrency = 8;
        double spread = 0.15;
        SandboxPollingRun.Result r = SandboxPollingRun.run(jobs, concurrency, typical, spread, interval, 42, work);
        int scale = SandboxPollingRun.SCALE;
        List<String> md = new ArrayList<>();
        md.add(String.format(
                Locale.ROOT,
                "The engine itself (`JobManager`: HTTP, journal, history, siblings waking one another) against the"
                        + " sandbox, whose tasks' times spread log-normally (σ %.2f, seed 42) around %d s, at"
                        + " a poll interval of %s s, %d jobs sent at once at C = %d. Everything runs at 1/%d of real"
                        + " time, and the figures are scaled back: a %d min job polled at %d s. The fixed poll is"
                        + " computed on the same tasks' times. Scaling makes the engine's own few milliseconds per"
                        + " poll count %d times over, against it.",
                spread,
                typical.toSeconds(),
                dev.jimeng.time.Seconds.format(interval),
                jobs,
                concurrency,
                scale,
                typical.multipliedBy(scale).toMinutes(),
                interval.multipliedBy(scale).toSeconds(),
                scale));
        md.add("");
        md.add("| jobs | policy | get-result / job | latency median s | latency p95 s | latency max s |");
        md.add("|---|---|---|---|---|---|");
        policyRows(md, "all " + jobs, "engine", r.all());
        policyRows(md, "the " + (jobs - concurrency) + " after the first wave", "engine", r.withHistory());
        md.add("");
        md.add("The first wave has no history and polls every interval, in turns; the jobs after it poll by the"
                + " history of those before. The aim is judged on the jobs after the first wave, as the"
                + " virtual-time table above judges 200 jobs of each kind, where the first few weigh little.");
        REPORT.section("Polls that follow the work, end to end", md);
        PollingRun.Result later = r.withHistory();
        REPORT.summary(String.format(
                Locale.ROOT,
                "adaptive polling end to end (engine and sandbox, %d min jobs at 1/%d time, σ %.2f): %.2f× the calls of a"
                        + " fixed %d s poll %s; %s",
                typical.multipliedBy(scale).toMinutes(),
                scale,
                spread,
                later.callRatio(),
                interval.multipliedBy(scale).toSeconds(),
                later.callsMeetTheAim() ? "✓" : "✗",
                later.latencyAgainstFixed()));
        ObjectNode json = REPORT.json("polling_end_to_end");
        json.put("jobs", jobs);
        json.put("concurrency", concurrency);
        json.put("later_call_ratio", later.callRatio());
        json.put("later_adaptive_latency_median_s", later.adaptive().latencyMedian());
        json.put("later_fixed_latency_median_s", later.fixed().latencyMedian());
        json.put("later_adaptive_latency_p95_s", later.adaptive().latencyP95());
        json.put("later_fixed_latency_p95_s", later.fixed().latencyP95());
        assertThat(r.all().adaptive().calls()).hasSize(jobs);
    }

    /** A fixed poll's row and the schedule's, first column {@code first}, as the polling tables show them. */
    private static void policyRows(List<String> md, String first, String policy, PollingRun.Result r) {
        md.add(String.format(
                Locale.ROOT,
                "| %s | fixed %d s | %.1f | %.2f | %.2f | %.2f |",
                first,
                r.fixedInterval().toSeconds(),
                r.fixed().callsPerJob(),
                r.fixed().latencyMedian(),
                r.fixed().latencyP95(),
                Stats.of(r.fixed().latencySeconds()).max()));
        md.add(String.format(
                Locale.ROOT,
                "| %s | %s | %.1f (**%.2f×** %s) | %.2f | %.2f %s | %.2f |",
                first,
                policy,
                r.adaptive().callsPerJob(),
                r.callRatio(),
                r.callsMeetTheAim() ? "✓" : "✗",
                r.adaptive().latencyMedian(),
                r.adaptive().latencyP95(),
                r.latencyMeetsTheAim() ? "✓" : "✗",
                Stats.of(r.adaptive().latencySeconds()).max()));
    }

    private static void pollingRows(List<String> md, PollingRun.Result r) {
        double spread = r.spread();
        policyRows(md, String.format(Locale.ROOT, "%.2f", spread), "adaptive", r);
        REPORT.summary(String.format(
                Locale.ROOT,
                "adaptive polling, jobs of 30 s–3 min, σ = %.2f: %.1f get-results per job vs %.1f at a fixed 5 s (%.2f×, aim ≤"
                        + " 0.33) %s; %s",
                spread,
                r.adaptive().callsPerJob(),
                r.fixed().callsPerJob(),
                r.callRatio(),
                r.callsMeetTheAim() ? "✓" : "✗",
                r.latencyAgainstFixed()));
        ObjectNode json = REPORT.json("polling").putObject("sigma_" + spread);
        json.put("jobs", r.jobs());
        json.put("fixed_calls_per_job", r.fixed().callsPerJob());
        json.put("adaptive_calls_per_job", r.adaptive().callsPerJob());
        json.put("fixed_latency_median_s", r.fixed().latencyMedian());
        json.put("adaptive_latency_median_s", r.adaptive().latencyMedian());
        json.put("fixed_latency_p95_s", r.fixed().latencyP95());
        json.put("adaptive_latency_p95_s", r.adaptive().latencyP95());
        assertThat(r.adaptive().latencySeconds()).hasSize(r.jobs());
    }

    @AfterAll
    static void writeReport() throws Exception {
        REPORT.write(REPORT_FILE);
    }

    private static void putStats(ObjectNode node, Stats s) {
        node.put("median", s.median());
        node.put("min", s.min());
        node.put("max", s.max());
        node.put("n", s.count());
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
