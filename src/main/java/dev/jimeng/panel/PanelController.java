package dev.jimeng.panel;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.job.NextSteps.Step;
import dev.jimeng.store.JobState;
import dev.jimeng.view.JobGuide;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one key into model changes and {@link PanelActions} calls. Modal states come first: the
 * help overlay eats any key, a pending confirmation takes y/Enter as yes and anything else as no,
 * and while the filter is typed, characters go into it.
 */
public final class PanelController {
    private final PanelModel model;
    private final PanelActions actions;
    private final Clipboard clipboard;
    private final Clock clock;

    public PanelController(PanelModel model, PanelActions actions, Clipboard clipboard, Clock clock) {
        this.model = model;
        this.actions = actions;
        this.clipboard = clipboard;
        this.clock = clock;
    }

    /** Handles one key; false means the panel should close. */
    public boolean handle(KeyStroke key) {
        Instant now = clock.instant();
        if (key.getKeyType() == KeyType.EOF) {
            return false;
        }
        if (model.help()) {
            model.setHelp(false);
            return true;
        }
        Optional<PanelModel.Confirmation> pending = model.confirmation();
        if (pending.isPresent()) {
            model.clearConfirmation();
            PanelModel.Confirmation question = pending.get();
            if (isChar(key, 'y') || isChar(key, 'Y') || key.getKeyType() == KeyType.Enter) {
                if (run(now, "that", question.onYes())) {
                    model.say(question.done(), now);
                }
            } else {
                model.say(question.declined(), now);
            }
            return true;
        }
        if (model.editingFilter() && editFilter(key)) {
            return true;
        }
        if (isCtrl(key, 'c') || key.getKeyType() == KeyType.Escape) {
            return false;
        }
        switch (key.getKeyType()) {
            case ArrowUp -> model.moveBy(-1);
            case ArrowDown -> model.moveBy(1);
            case PageUp -> model.moveBy(-model.viewportRows());
            case PageDown -> model.moveBy(model.viewportRows());
            case Home -> model.moveToTop();
            case End -> model.moveToBottom();
            case Enter -> model.toggleDetails();
            case ArrowRight -> model.expandSelected();
            case ArrowLeft -> model.collapseSelected();
            case Character -> {
                return key.isCtrlDown() || key.isAltDown() || character(key.getCharacter(), now);
            }
            default -> {}
        }
        return true;
    }

    private boolean character(char c, Instant now) {
        switch (c) {
            case 'q' -> {
                return false;
            }
            case 'k' -> model.moveBy(-1);
            case 'j' -> model.moveBy(1);
            case 'g' -> model.moveToTop();
            case 'G' -> model.moveToBottom();
            case 'd' -> withSelected(now, this::download);
            case 'o' -> withSelected(now, this::open);
            case 'r' -> withSelected(now, this::retry);
            case 'c' -> withSelected(now, this::cancel);
            case 'y' -> withSelected(now, this::copy);
            case 'p' -> withSelected(now, this::pick);
            case '+' -> model.expandSelected();
            case '-' -> model.collapseSelected();
            case '/' -> model.startFilter();
            case 's' -> {
                model.cycleSort();
                model.say("sorted by " + model.sort().label(), now);
            }
            case '?' -> model.setHelp(true);
            default -> {}
        }
        return true;
    }

    /** Keys while the filter is typed; false lets navigation keys fall through. */
    private boolean editFilter(KeyStroke key) {
        String text = model.filter();
        switch (key.getKeyType()) {
            case Character -> {
                if (key.isCtrlDown() || key.isAltDown()) {
                    return false;
                }
                model.setFilter(text + key.getCharacter());
            }
            case Backspace -> model.setFilter(text.isEmpty() ? text : text.substring(0, text.length() - 1));
            case Enter -> model.finishFilter();
            case Escape -> model.clearFilter();
            default -> {
                return false;
            }
        }
        return true;
    }

    private interface JobAction {
        void apply(JobSnapshot job, Instant now);
    }

    private void withSelected(Instant now, JobAction action) {
        Optional<JobSnapshot> job = model.selected();
        if (job.isEmpty()) {
            model.say(
                    model.selectedRow().isPresent()
                            ? "a group row: → (or +) shows its jobs, then select one to act on"
                            : "no job selected",
                    now);
            return;
        }
        action.apply(job.get(), now);
    }

    private void download(JobSnapshot job, Instant now) {
        if (!job.state().terminal()) {
            model.say(job.id() + " is still " + job.state().label() + "; its video is saved when it is ready", now);
        } else if (NextSteps.allows(job, now, Step.DOWNLOAD_AGAIN)) {
            String verb = job.state() == JobState.DONE ? "re-downloading " : "downloading ";
            if (run(now, "download", () -> actions.download(job.id()))) {
                model.say(verb + job.id() + "… (not billed)", now);
            }
        } else {
            boolean gone = job.taskId() != null && !NextSteps.taskStillKept(job, now);
            model.warn(
                    job.id()
                            + (gone ? " has no video the server still keeps; " : " has no video to download; ")
                            + whatElse(job, now),
                    now);
        }
    }

    /** The panel key for the most useful step left, in words. */
    private String whatElse(JobSnapshot job, Instant now) {
        List<Step> steps = NextSteps.of(job, now);
        if (steps.contains(Step.POLL_AGAIN)) {
            return "r asks the server again (not billed)";
        }
        if (steps.contains(Step.RESUBMIT)) {
            return "r re-submits it (asks first: billed)";
        }
        String hint = JobGuide.hint(job, now, actions.invocation());
        return hint.isEmpty() ? "nothing more can be done with it" : hint;
    }

    private void open(JobSnapshot job, Instant now) {
        if (job.state() != JobState.DONE || job.outputPath() == null) {
            model.say(job.id() + " has no saved file yet", now);
        } else if (run(now, "open", () -> actions.open(job.outputPath()))) {
            model.say("opening " + job.outputPath(), now);
        }
    }

    private void retry(JobSnapshot job, Instant now) {
        Optional<Step> free = NextSteps.freeRetry(job, now);
        if (!job.state().terminal()) {
            model.say(job.id() + " is still " + job.state().label(), now);
        } else if (free.isPresent()) {
            String what = free.get() == Step.POLL_AGAIN ? "asking the server again" : "downloading again";
            if (run(now, "retry", () -> actions.retry(job.id(), false))) {
                model.say("retrying " + job.id() + " (" + what + ", not billed)…", now);
            }
        } else if (NextSteps.allows(job, now, Step.RESUBMIT)) {
            String id = job.id();
            model.ask(new PanelModel.Confirmation(
                    id,
                    "Re-submit " + id + " as a new task? (" + actions.billingNote(job) + ") [y/N]",
                    () -> actions.retry(id, true),
                    "re-submitting " + id + " as a new task…",
                    "re-submit cancelled"));
        } else {
            model.warn(job.id() + ": " + JobGuide.hint(job, now, actions.invocation()), now);
        }
    }

    private void cancel(JobSnapshot job, Instant now) {
        String id = job.id();
        if (NextSteps.allows(job, now, Step.CANCEL)) {
            model.ask(new PanelModel.Confirmation(
                    id,
                    "Cancel " + id + "? It has not been sent: nothing is billed. [y/N]",
                    () -> actions.cancel(id),
                    id + " canceled; nothing was billed",
                    id + " kept"));
        } else if (NextSteps.allows(job, now, Step.FORGET)) {
            model.warn(
                    id + " is at the server " + (actions.sandbox() ? "(sandbox, not billed)" : "and billed")
                            + "; it cannot be stopped. To stop tracking it: "
                            + JobGuide.command(Step.FORGET, job, actions.invocation()),
                    now);
        } else {
            model.say(id + " is " + job.state().label() + "; only a job not sent yet can be canceled", now);
        }
    }

    private void pick(JobSnapshot job, Instant now) {
        String group = model.groupOf(job.id());
        if (group == null) {
            model.say(
                    job.id() + " is in no set: p picks the winner of a set made with --variants, --seeds"
                            + " or a {a|b} prompt",
                    now);
        } else if (run(now, "pick", () -> actions.pick(job.id()))) {
            model.setGroups(actions.groups());
            model.say(job.id() + " picked as the winner of group " + group + " (free, sends nothing)", now);
        }
    }

    private void copy(JobSnapshot job, Instant now) {
        String text = JobText.copyText(job, now, actions.invocation());
        if (run(now, "copy", () -> clipboard.copy(text))) {
            model.say("copied: " + text, now);
        }
    }

    /** Runs an action; a failure becomes the message line instead of ending the panel. */
    private boolean run(Instant now, String what, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            model.warn(
                    what + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), now);
            return false;
        }
    }

    private static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && !key.isCtrlDown() && key.getCharacter() == c;
    }

    private static boolean isCtrl(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == c;
    }
}
