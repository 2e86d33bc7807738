package dev.jimeng.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.preview.Frame;
import dev.jimeng.store.JobState;
import dev.jimeng.text.Durations;
import dev.jimeng.text.TerminalText;
import dev.jimeng.view.Billing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws the model onto a Lanterna {@link TextGraphics}: every cell of the screen on every frame,
 * into the screen's back buffer, so that {@code Screen.refresh(DELTA)} sends only what changed.
 * Only the visible rows are formatted, whatever the number of jobs.
 */
public final class PanelRenderer {
    static final int MIN_COLUMNS = 40;
    static final int MIN_ROWS = 8;
    private static final String LEGEND =
            "↑↓ move  Enter details  d download  o open  r retry  c cancel  y copy  / filter  ? help  q quit";
    /** With groups on screen, the group keys take the place of o (still in the help). */
    private static final String GROUPS_LEGEND =
            "↑↓ move  →← group  Enter details  d download  r retry  c cancel  y copy  / filter  ? help  q quit";

    private final EtaEstimate eta;
    private final DetailsPane detailsPane;
    private Stills stills; // null: no pictures
    private boolean truecolor;
    private boolean unicode = true;
    private BitSet drawn = new BitSet();

    private final boolean sandbox;

    /** @param at how a command line reaches the jobs: commands shown start with it */
    public PanelRenderer(EtaEstimate eta, ZoneId zone, dev.jimeng.config.Invocation at) {
        this.eta = eta;
        this.sandbox = at.sandbox();
        this.detailsPane = new DetailsPane(eta, zone, at);
    }

    /**
     * Draws the first frame of a done job's video beside its details, in half blocks: in 24-bit
     * colour, or in the 256-colour palette.
     */
    public void showStills(boolean truecolor) {
        this.stills = new Stills();
        this.truecolor = truecolor;
    }

    /** True while a still the details pane asked for is being decoded. */
    boolean stillPending() {
        return stills != null && stills.pending();
    }

    /** Use ASCII for the spinner, arrows and box lines when the terminal's charset lacks them. */
    public void setUnicode(boolean unicode) {
        this.unicode = unicode;
    }

    /** Column positions for one width; the prompt and the file/error share what is left. */
    record Columns(int mode, int prompt, int status, int elapsed, int eta, int outcome) {
        static final int ID = JobText.SHORT_ID;
        static final int STATUS = 16;
        static final int ELAPSED = 6;
        static final int ETA = 7;

        static Columns forWidth(int width, int longestMode) {
            int mode = Math.max(4, Math.min(longestMode, width >= 100 ? 20 : 12));
            int fixed = ID + 1 + mode + 1 + 1 + STATUS + 1 + ELAPSED + 1 + ETA;
            int rest = Math.max(0, width - fixed);
            if (width < 80) {
                return new Columns(mode, rest, STATUS, ELAPSED, ETA, 0);
            }
            int outcome = (rest - 1) * 2 / 5;
            return new Columns(mode, rest - 1 - outcome, STATUS, ELAPSED, ETA, outcome);
        }
    }

    public void render(PanelModel model, TextGraphics g, TerminalSize size, Instant now) {
        int width = size.getColumns();
        int height = size.getRows();
        reset(g);
        if (width < MIN_COLUMNS || height < MIN_ROWS) {
            g.fill(' ');
            g.putString(0, 0, TerminalText.fit("terminal too small for the panel (q quits)", width));
            return;
        }
        // Every row is written at full width (or blanked below) instead of clearing the screen
        // first: half the cell writes, and the delta refresh still sees only real changes.
        drawn = new BitSet(height);
        int body = height - 5;
        int detailRows = model.details() ? Math.min(17, body - Math.max(Math.min(4, body - 3), body / 3)) : 0;
        int tableRows = body - detailRows;
        model.setViewportRows(tableRows);

        List<PanelRow> rows = model.view();
        Columns cols = Columns.forWidth(width, model.longestMode());
        header(model, g, width, rows.size(), tableRows);
        headings(g, cols, width);
        table(model, g, cols, width, rows, tableRows, now);
        if (model.details()) {
            details(model, g, width, 2 + tableRows, detailRows, now);
        }
        messageLine(model, g, width, height - 3, now);
        reset(g);
        PanelModel.Summary summary = model.summary();
        String spent = summary.billedCny() > 0 || sandbox
                ? " · " + (sandbox ? Billing.SANDBOX : Billing.cost(summary.billedCny(), false) + " billed")
                : "";
        line(g, height - 2, summary.line() + spent, width);
        g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
        String legend = rows.stream().anyMatch(r -> r instanceof PanelRow.GroupRow) ? GROUPS_LEGEND : LEGEND;
        line(g, height - 1, unicode ? legend : legend.replace("↑↓", "Up/Down").replace("→←", "+/-"), width);
        reset(g);
        String blank = " ".repeat(width);
        for (int y = drawn.nextClearBit(0); y < height; y = drawn.nextClearBit(y + 1)) {
            g.putString(0, y, blank);
        }
        if (model.help()) {
            HelpOverlay.draw(g, size, unicode);
            reset(g);
        }
    }

    private void header(PanelModel model, TextGraphics g, int width, int shown, int tableRows) {
        StringBuilder b = new StringBuilder(" jimeng jobs");
        if (shown == 0) {
            b.append(" · none shown");
        } else {
            int first = model.scrollOffset() + 1;
            int last = Math.min(shown, model.scrollOffset() + tableRows);
            b.append(" · ")
                    .append(first)
                    .append('–')
                    .append(last)
                    .append(" of ")
                    .append(shown);
        }
        if (model.matchedCount() != model.jobCount()) {
            b.append(" (").append(model.jobCount()).append(" in all)");
        }
        b.append(" · sort: ").append(model.sort().label());
        if (!model.filter().isEmpty()) {
            b.append(" · filter: ").append(TerminalText.oneLine(model.filter()));
        }
        g.enableModifiers(SGR.BOLD);
        line(g, 0, b.toString(), width);
        reset(g);
    }

    private void headings(TextGraphics g, Columns c, int width) {
        g.enableModifiers(SGR.BOLD, SGR.UNDERLINE);
        line(g, 1, rowText(c, "ID", "MODE", "PROMPT", "STATUS", "TIME", "ETA", "FILE / ERROR"), width);
        reset(g);
    }

    private static String rowText(
            Columns c,
            String id,
            String mode,
            String prompt,
            String status,
            String elapsed,
            String eta,
            String outcome) {
        StringBuilder b = new StringBuilder(256);
        b.append(TerminalText.pad(id, Columns.ID)).append(' ');
        b.append(TerminalText.pad(mode, c.mode())).append(' ');
        b.append(TerminalText.pad(prompt, c.prompt())).append(' ');
        b.append(TerminalText.pad(status, c.status())).append(' ');
        b.append(TerminalText.padLeft(elapsed, c.elapsed())).append(' ');
        b.append(TerminalText.pad(eta, c.eta()));
        if (c.outcome() > 0) {
            b.append(' ').append(outcome);
        }
        return b.toString();
    }

    private void table(
            PanelModel model, TextGraphics g, Columns c, int width, List<PanelRow> rows, int tableRows, Instant now) {
        if (rows.isEmpty()) {
            g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
            String empty = model.jobCount() == 0
                    ? " no jobs yet"
                    : " no job matches \"" + TerminalText.oneLine(model.filter()) + "\" (/ then Esc clears the filter)";
            line(g, 2, empty, width);
            reset(g);
            return;
        }
        Map<String, Optional<Duration>> typical = new HashMap<>();
        Map<String, Duration> queuedLeft = QueueForecast.untilDone(
                model.all(), now, mode -> typical.computeIfAbsent(mode, eta::typicalDuration), eta.serverSlots());
        int statusX = Columns.ID + 1 + c.mode() + 1 + c.prompt() + 1;
        int offset = model.scrollOffset();
        int selected = model.selectedIndex();
        for (int r = 0; r < tableRows && offset + r < rows.size(); r++) {
            int y = 2 + r;
            boolean isSelected = offset + r == selected;
            PanelRow row = rows.get(offset + r);
            if (row instanceof PanelRow.GroupRow group) {
                groupRow(g, c, width, y, group, isSelected, timeLeft(group.group(), queuedLeft, typical, now));
                continue;
            }
            PanelRow.JobRow jobRow = (PanelRow.JobRow) row;
            JobSnapshot job = jobRow.job();
            String status = JobText.status(job, now, unicode);
            String outcome = job.state() == JobState.DONE || job.state() == JobState.DOWNLOADING
                    ? TerminalText.fitLeft(TerminalText.oneLine(JobText.outcome(job)), c.outcome())
                    : TerminalText.fit(TerminalText.oneLine(JobText.outcome(job)), c.outcome());
            String etaText =
                    timeLeft(job, queuedLeft, typical, now).map(JobText::left).orElse("");
            String prompt = TerminalText.oneLine(job.request().prompt());
            if (jobRow.member()) {
                boolean last = offset + r + 1 >= rows.size()
                        || !(rows.get(offset + r + 1) instanceof PanelRow.JobRow next && next.member());
                String branch = unicode ? (last ? "└ " : "├ ") : (last ? "`-" : "|-");
                prompt = branch
                        + (jobRow.picked() ? GroupText.pickedMark(unicode) + " " : "")
                        + (job.request().randomSeed()
                                ? ""
                                : "seed " + job.request().seed() + " · ")
                        + prompt;
            }
            String line = rowText(
                    c,
                    JobText.shortId(job.id()),
                    job.request().mode(),
                    prompt,
                    status,
                    Durations.compact(JobText.elapsed(job, now)),
                    etaText,
                    outcome);
            if (isSelected) {
                g.enableModifiers(SGR.REVERSE);
            }
            line(g, y, line, width);
            g.setForegroundColor(statusColor(job.state()));
            put(g, statusX, y, TerminalText.pad(status, Columns.STATUS));
            if (c.outcome() > 0 && (job.state() == JobState.FAILED || job.state() == JobState.EXPIRED)) {
                put(g, statusX + Columns.STATUS + 1 + Columns.ELAPSED + 1 + Columns.ETA + 1, y, outcome);
            }
            reset(g);
        }
    }

    /** A queued job's wait from the queue forecast, else the time left by its mode's typical duration. */
    private Optional<Duration> timeLeft(
            JobSnapshot job, Map<String, Duration> queuedLeft, Map<String, Optional<Duration>> typical, Instant now) {
        Duration queued = queuedLeft.get(job.id());
        if (queued != null) {
            return Optional.of(queued);
        }
        return JobText.timeLeft(job, now, typical.computeIfAbsent(job.request().mode(), eta::typicalDuration));
    }

    /** The soonest any unfinished job of the group is expected to end. */
    private Optional<Duration> timeLeft(
            JobGroup group, Map<String, Duration> queuedLeft, Map<String, Optional<Duration>> typical, Instant now) {
        return group.members().stream()
                .map(j -> timeLeft(j, queuedLeft, typical, now))
                .flatMap(Optional::stream)
                .min(Duration::compareTo);
    }

    /**
     * A group row: its id, mode, an open/closed marker with how many jobs and their shared prompt or
     * matrix, then its counts, soonest ETA, cost and picked job.
     */
    private void groupRow(
            TextGraphics g,
            Columns c,
            int width,
            int y,
            PanelRow.GroupRow row,
            boolean selected,
            Optional<Duration> soonest) {
        JobGroup group = row.group();
        String marker = unicode ? (row.expanded() ? "▾ " : "▸ ") : (row.expanded() ? "- " : "+ ");
        // the label takes at most the prompt column; the summary follows it, not the status column
        String head = TerminalText.pad(group.id(), Columns.ID) + " " + TerminalText.pad(group.mode(), c.mode()) + " "
                + TerminalText.fit(marker + GroupText.label(group), c.prompt()) + "  ";
        g.enableModifiers(SGR.BOLD);
        if (selected) {
            g.enableModifiers(SGR.REVERSE);
        }
        line(g, y, head + GroupText.summary(group, soonest, sandbox, unicode), width);
        reset(g);
    }

    static TextColor statusColor(JobState state) {
        return switch (state) {
            case QUEUED, CANCELED -> TextColor.ANSI.BLACK_BRIGHT;
            case SUBMITTING, IN_QUEUE, GENERATING -> TextColor.ANSI.CYAN;
            case DOWNLOADING -> TextColor.ANSI.BLUE_BRIGHT;
            case DONE -> TextColor.ANSI.GREEN;
            case FAILED -> TextColor.ANSI.RED;
            case EXPIRED -> TextColor.ANSI.MAGENTA;
            case SUBMIT_UNKNOWN -> TextColor.ANSI.YELLOW;
        };
    }

    private void details(PanelModel model, TextGraphics g, int width, int top, int rows, Instant now) {
        String rule = unicode ? "─" : "-";
        g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
        line(g, top, (rule + rule + " details " + rule.repeat(width)).substring(0, width), width);
        reset(g);
        Optional<PanelRow> row = model.selectedRow();
        if (row.isPresent() && row.get() instanceof PanelRow.GroupRow group) {
            List<String> lines = detailsPane.lines(group.group(), width - 1, rows - 1);
            for (int i = 0; i < lines.size(); i++) {
                line(g, top + 1 + i, " " + lines.get(i), width);
            }
            return;
        }
        Optional<JobSnapshot> job = model.selected();
        if (job.isEmpty()) {
            return;
        }
        Optional<Frame> still = still(job.get(), width, rows);
        int textWidth = still.map(f -> width - f.width() - 2).orElse(width);
        List<String> lines = detailsPane.lines(job.get(), now, textWidth - 1, rows - 1);
        for (int i = 0; i < lines.size(); i++) {
            line(g, top + 1 + i, " " + lines.get(i), width);
        }
        still.ifPresent(frame -> drawStill(g, frame, width - frame.width() - 1, top + 1));
    }

    /** The still to show beside a done job's details, scaled to the pane; empty when none fits. */
    private Optional<Frame> still(JobSnapshot job, int width, int rows) {
        if (stills == null
                || job.state() != JobState.DONE
                || job.outputPath() == null
                || width < 72
                || rows < 5
                || !java.nio.file.Files.isRegularFile(job.outputPath())) {
            return Optional.empty();
        }
        return stills.frame(job.outputPath()).map(frame -> {
            int columns = Math.min(width / 3, Math.max(8, frame.width() * 2 * (rows - 1) / frame.height()));
            int pixelRows = Math.min(2 * (rows - 1), Math.max(2, frame.height() * columns / frame.width() / 2 * 2));
            return frame.scaled(columns, pixelRows);
        });
    }

    /** Upper half blocks: the upper pixel in front, the lower behind. */
    private void drawStill(TextGraphics g, Frame frame, int left, int top) {
        for (int y = 0; y + 1 < frame.height(); y += 2) {
            for (int x = 0; x < frame.width(); x++) {
                g.setCharacter(
                        left + x,
                        top + y / 2,
                        new com.googlecode.lanterna.TextCharacter(
                                '▀', colour(frame.pixel(x, y)), colour(frame.pixel(x, y + 1))));
            }
        }
        reset(g);
    }

    private TextColor colour(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int gr = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return truecolor ? new TextColor.RGB(r, gr, b) : TextColor.Indexed.fromRGB(r, gr, b);
    }

    private void messageLine(PanelModel model, TextGraphics g, int width, int y, Instant now) {
        Optional<PanelModel.Confirmation> confirmation = model.confirmation();
        if (confirmation.isPresent()) {
            g.setForegroundColor(TextColor.ANSI.YELLOW);
            g.enableModifiers(SGR.BOLD);
            line(g, y, confirmation.get().question(), width);
        } else if (model.editingFilter()) {
            line(
                    g,
                    y,
                    TerminalText.fitLeft(
                            "/" + TerminalText.oneLine(model.filter()) + "_   (Enter keeps, Esc clears)", width),
                    width);
        } else {
            model.message(now).ifPresent(m -> {
                g.setForegroundColor(m.error() ? TextColor.ANSI.RED : TextColor.ANSI.YELLOW);
                line(g, y, TerminalText.oneLine(m.text()), width);
            });
        }
        reset(g);
    }

    /** Writes one whole row, padded to the screen's width, and remembers it was drawn. */
    private void line(TextGraphics g, int y, String text, int width) {
        put(g, 0, y, TerminalText.pad(text, width));
        drawn.set(y);
    }

    /**
     * Writes text from column x, one cell per character as the terminal shows it: Lanterna's {@code
     * putString} splits a character outside the BMP (an emoji) into two halves drawn as '?', while {@code
     * TextCharacter.fromString} keeps it whole and two columns wide, as {@link TerminalText#width} counts it.
     */
    static void put(TextGraphics g, int x, int y, String text) {
        int column = x;
        for (TextCharacter c : TextCharacter.fromString(
                text, g.getForegroundColor(), g.getBackgroundColor(), g.getActiveModifiers())) {
            g.setCharacter(column, y, c);
            column += c.isDoubleWidth() ? 2 : 1;
        }
    }

    private static void reset(TextGraphics g) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    }
}
