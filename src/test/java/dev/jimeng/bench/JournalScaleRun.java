package dev.jimeng.bench;

import dev.jimeng.store.JobQuery;
import dev.jimeng.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same reads against a young journal ({@link #BASELINE_JOBS} jobs) and one of {@code jobs} finished
 * jobs ({@link JournalGenerator}):
 * the packaged jar's {@code jobs}, {@code jobs --search}, {@code spend} and the script shell up to its
 * first prompt, each a process of its own (JVM start-up included, as the user waits for it), and in this
 * JVM the reads behind the panel: its first frame (the newest 1,000 jobs) and a window while scrolling.
 */
final class JournalScaleRun {
    /** Median seconds per action, for the young and the full journal. */
    record Result(int jobs, double generateSeconds, long journalBytes, Map<String, double[]> seconds) {}

    /** Jobs in the baseline journal: more than any page shows, and the panel's whole first frame. */
    static final int BASELINE_JOBS = 1_000;

    private JournalScaleRun() {}

    static Result run(Path jar, int jobs, int rounds, Path work) throws Exception {
        // the baseline has a full page of jobs, as the big one has: an empty journal prints no rows at
        // all, so measuring against it timed drawing a table (0.2 s of start-up), not the journal's size
        Path empty = Files.createDirectories(work.resolve("young"));
        JournalGenerator.generate(empty, BASELINE_JOBS, Instant.now(), 7);
        Path full = Files.createDirectories(work.resolve("full"));
        long start = System.nanoTime();
        Path file = JournalGenerator.generate(full, jobs, Instant.now(), 42);
        double generated = (System.nanoTime() - start) / 1e9;
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("`jimeng jobs`", List.of("jobs"));
        commands.put("`jimeng jobs --search lighthouse`", List.of("jobs", "--search", "lighthouse"));
        commands.put("`jimeng spend`", List.of("spend"));
        commands.put("shell to its first prompt (`jimeng < /dev/null`)", List.of());
        Map<String, double[]> seconds = new LinkedHashMap<>();
        for (var command : commands.entrySet()) {
            run(jar, empty, command.getValue(), work); // untimed: page cache, CDS
            run(jar, full, command.getValue(), work);
            seconds.put(
                    command.getKey(),
                    interleaved(
                            rounds,
                            () -> run(jar, empty, command.getValue(), work),
                            () -> run(jar, full, command.getValue(), work)));
        }
        seconds.put(
                "panel's first frame: open the journal, read the newest 1,000 (in-process)",
                new double[] {median(rounds, () -> firstFrame(empty)), median(rounds, () -> firstFrame(full))});
        seconds.put(
                "a page of 50 jobs on an open journal (in-process; the panel scrolls in memory)",
                new double[] {median(rounds, () -> window(empty)), median(rounds, () -> window(full))});
        return new Result(jobs, generated, Files.size(file), seconds);
    }

    private interface Timed {
        double seconds() throws Exception;
    }

    /**
     * The medians of {@code a} and {@code b} run by turns (a, b, a, b…): a process's start-up varies
     * by a few tenths of a second with what else the machine does, and taking turns spreads that
     * drift over both sides instead of giving it to whichever ran second.
     */
    private static double[] interleaved(int rounds, Timed a, Timed b) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            first.add(a.seconds());
            second.add(b.seconds());
        }
        return new double[] {Stats.of(first).median(), Stats.of(second).median()};
    }

    private static double median(int rounds, Timed action) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            times.add(action.seconds());
        }
        return Stats.of(times).median();
    }

    private static double firstFrame(Path stateDir) {
        long start = System.nanoTime();
        try (JobStore store = JobStore.open(stateDir)) {
            store.list(JobQuery.newest(1000));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double window(Path stateDir) {
        try (JobStore store = JobStore.open(stateDir)) {
            store.list(JobQuery.newest(1000));
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                store.list(JobQuery.newest(50));
            }
            return (System.nanoTime() - start) / 1e9 / 10;
        }
    }

    private static double run(Path jar, Path home, List<String> args, Path work) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(MemoryRun.javaBinary("java").toString()));
        command.addAll(LauncherFlags.forThisJdk());
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("JIMENG_") || k.startsWith("VOLC_"));
        builder.environment().put("JIMENG_HOME", home.toString());
        builder.environment().put("COLUMNS", "120");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("jimeng " + args + " did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("jimeng " + args + " exited " + process.exitValue() + ": "
                    + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
        }
        return seconds;
    }
}
