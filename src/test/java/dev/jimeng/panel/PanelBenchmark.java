package dev.jimeng.panel;

import static dev.jimeng.panel.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.store.JobState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Render time with 1,000 jobs, written to {@code target/benchmarks/panel.md}. Figures only: it
 * fails solely if nothing could be measured. Run with {@code -Dtest=PanelBenchmark
 * -DexcludedGroups=none}.
 */
@Tag("benchmark")
class PanelBenchmark {
    private static final int JOBS = 1000;
    private static final int WARMUP = 300;
    private static final int RUNS = 200;
    private static final TerminalSize SIZE = new TerminalSize(120, 40);

    @Test
    void measuresRefreshTimesWithAThousandJobs() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("# Panel benchmark");
        report.add("");
        report.add("1,000 jobs (all states, mixed modes, CJK prompts), " + SIZE.getColumns() + "×" + SIZE.getRows()
                + " screen, " + RUNS + " timed runs after " + WARMUP + " warm-up runs, JDK "
                + Runtime.version() + ".");
        report.add("");
        report.add("| case | median | p95 | max | bytes sent |");
        report.add("|---|---|---|---|---|");

        DefaultVirtualTerminal virtual = new DefaultVirtualTerminal(SIZE);
        report.add(measure("render only (model → back buffer, no refresh)", null, null, false, false));
        report.add(measure(
                "full refresh (render + COMPLETE), virtual terminal", new TerminalScreen(virtual), null, false, false));
        report.add(measure(
                "scroll one row (j + render + DELTA), virtual terminal",
                new TerminalScreen(virtual),
                null,
                true,
                true));

        CountingStream ansi = new CountingStream();
        PanelTerminals.JLineAnsiTerminal terminal = new PanelTerminals.JLineAnsiTerminal(
                InputStream.nullInputStream(), ansi, StandardCharsets.UTF_8, () -> SIZE);
        report.add(measure(
                "full refresh (render + COMPLETE), ANSI bytes to a stream",
                new TerminalScreen(terminal),
                ansi,
                false,
                false));
        report.add(measure(
                "scroll one row (j + render + DELTA), ANSI bytes to a stream",
                new TerminalScreen(terminal),
                ansi,
                true,
                true));
        report.add(measureModel());
        report.add(measureGrouped());
        report.add("");
        report.add("Aim: a full refresh under 5 ms.");

        Path out = Path.of("target", "benchmarks", "panel.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
        assertThat(report).hasSizeGreaterThan(8);
    }

    private static String measure(
            String name, TerminalScreen screen, CountingStream bytes, boolean delta, boolean scroll)
            throws IOException {
        PanelModel model = new PanelModel();
        model.replaceAll(jobs());
        PanelRenderer renderer = new PanelRenderer(PanelHarness.ETA, ZoneOffset.UTC, dev.jimeng.config.Invocation.REAL);
        boolean refresh = screen != null;
        if (!refresh) {
            screen = new TerminalScreen(new DefaultVirtualTerminal(SIZE));
        }
        screen.startScreen();
        long[] nanos = new long[RUNS];
        long sent = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            if (scroll) {
                model.moveBy(1);
                if (model.selectedIndex() == JOBS - 1) {
                    model.moveToTop();
                }
            }
            long before = bytes == null ? 0 : bytes.count;
            long start = System.nanoTime();
            renderer.render(model, screen.newTextGraphics(), SIZE, Jobs.NOW.plusMillis(i));
            if (refresh) {
                screen.refresh(delta ? Screen.RefreshType.DELTA : Screen.RefreshType.COMPLETE);
            }
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
                sent += bytes == null ? 0 : bytes.count - before;
            }
        }
        screen.stopScreen(false);
        return row(name, nanos, bytes == null ? "—" : String.valueOf(sent / RUNS));
    }

    /** A job event arriving: the view is re-filtered and re-sorted, then drawn. */
    private static String measureModel() {
        PanelModel model = new PanelModel();
        List<JobSnapshot> all = jobs();
        model.replaceAll(all);
        long[] nanos = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            model.update(all.get(i % JOBS));
            model.view();
            model.summary();
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
        }
        return row("job event: re-filter + re-sort 1,000 rows + summary", nanos, "—");
    }

    /** The same with every job in one of 250 sets of 4, every other set open, and a render. */
    private static String measureGrouped() throws IOException {
        List<JobSnapshot> all = jobs();
        java.util.Map<String, String> groupOf = new java.util.HashMap<>();
        for (int i = 0; i < JOBS; i++) {
            groupOf.put(all.get(i).id(), String.format(Locale.ROOT, "g%07d", i / 4));
        }
        PanelModel model = new PanelModel();
        model.setGroups(new dev.jimeng.view.JobGroups(groupOf, java.util.Set.of()));
        model.replaceAll(all);
        model.setViewportRows(JOBS);
        for (int row = 0; row < model.view().size(); row += 2) {
            model.moveToTop();
            model.moveBy(row);
            model.expandSelected();
        }
        PanelRenderer renderer = new PanelRenderer(PanelHarness.ETA, ZoneOffset.UTC, dev.jimeng.config.Invocation.REAL);
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(SIZE));
        long[] nanos = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            model.update(all.get(i % JOBS));
            renderer.render(model, screen.newTextGraphics(), SIZE, Jobs.NOW.plusMillis(i));
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
        }
        return row(
                "job event in 250 sets of 4, half open (" + model.view().size() + " rows): re-group + render",
                nanos,
                "—");
    }

    private static String row(String name, long[] nanos, String bytes) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "| %s | %.3f ms | %.3f ms | %.3f ms | %s |",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6,
                bytes);
    }

    static List<JobSnapshot> jobs() {
        JobState[] states = JobState.values();
        String[] modes = {"t2v_720p", "t2v_1080p", "i2v_first_720p", "ti2v_pro", "i2v_first_tail_1080p"};
        String[] prompts = {
            "a lighthouse in a storm, waves crashing against the rocks at night",
            "一只橘猫在窗台上晒太阳，镜头缓慢推进，午后的光线很温暖",
            "neon city at night, drone shot over wet streets"
        };
        List<JobSnapshot> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            JobState state = states[i % states.length];
            var b = job(String.format(Locale.ROOT, "%08x%02d", i * 2654435761L & 0xffffffffL, i % 100))
                    .mode(modes[i % modes.length])
                    .prompt(prompts[i % prompts.length] + " #" + i)
                    .created(Duration.ofSeconds(i * 7L));
            if (state != JobState.SUBMIT_UNKNOWN) {
                b.state(state, Duration.ofSeconds(3));
            } else {
                b.state(JobState.SUBMIT_UNKNOWN, Duration.ofSeconds(3));
            }
            if (state == JobState.DONE || state == JobState.DOWNLOADING) {
                b.output("/home/me/videos/job" + i + ".mp4").bytes(500_000, 1_000_000);
            }
            if (state == JobState.FAILED) {
                b.error("50412", "the prompt was blocked by content review; rephrase it");
            }
            jobs.add(b.build());
        }
        return jobs;
    }

    /** Counts the bytes the ANSI terminal would send to a real terminal. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
