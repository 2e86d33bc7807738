package dev.jimeng.view;

import dev.jimeng.config.Invocation;
import dev.jimeng.job.JobRefusedException;
import dev.jimeng.job.JobSnapshot;
import dev.jimeng.job.NextSteps;
import dev.jimeng.job.NextSteps.Step;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.store.JobState;
import dev.jimeng.store.StopReason;
import dev.jimeng.text.TerminalText;
import java.time.Instant;
import java.util.List;

/**
 * The one place where what can be done with a job ({@link NextSteps}) and why the engine refused
 * something become words and {@code jimeng …} command lines. Each line starts with the {@link
 * Invocation} that reaches the job ({@code --sandbox}, {@code --profile NAME}), so pasting it finds the job.
 */
public final class JobGuide {
    private JobGuide() {}

    /** The command line that takes {@code step} for {@code job}. */
    public static String command(Step step, JobSnapshot job, Invocation at) {
        String jimeng = at.jimeng() + " ";
        String id = job.id();
        return jimeng
                + switch (step) {
                    case WAIT -> "wait " + id;
                    case CANCEL -> "cancel " + id;
                    case FORGET -> "cancel " + id + " --forget";
                    case POLL_AGAIN -> "retry " + id;
                    case DOWNLOAD_AGAIN -> "download " + id;
                    case RESUBMIT -> "retry " + id + " --resubmit";
                    case ATTACH -> attach(job);
                };
    }

    /**
     * {@code attach TASK_ID --mode MODE [--prompt …] [--duration N]}: the words that journal a task
     * the journal could not record, with the job's request, quoted for a POSIX shell.
     */
    private static String attach(JobSnapshot job) {
        var request = job.request();
        StringBuilder line = new StringBuilder("attach ").append(shellWord(job.taskId()));
        if (request.mode() != null) {
            line.append(" --mode ").append(shellWord(request.mode()));
        }
        if (request.prompt() != null && !request.prompt().isEmpty()) {
            line.append(" --prompt ").append(shellWord(request.prompt()));
        }
        if (request.durationSeconds() != null) {
            line.append(" --duration ").append(request.durationSeconds());
        }
        return line.toString();
    }

    /**
     * {@code jimeng generate PROMPT -m MODE …}: every parameter of {@code request} spelled out, so the
     * line makes the same request whatever the settings are when it is pasted.
     */
    public static String remake(GenerationRequest request, Invocation at) {
        StringBuilder line = new StringBuilder(at.jimeng() + " generate");
        String prompt = request.prompt();
        boolean hasPrompt = prompt != null && !prompt.isEmpty();
        if (hasPrompt && !prompt.startsWith("-")) {
            line.append(' ').append(shellWord(prompt));
        }
        line.append(options(request));
        if (hasPrompt && prompt.startsWith("-")) {
            line.append(" -- ").append(shellWord(prompt)); // a prompt that looks like an option
        }
        return line.toString();
    }

    /**
     * The generate options {@code request} sets (not its prompt), each with a leading space, quoted for
     * a POSIX shell: {@code " -m t2v_1080p -d 10"}; empty when it sets none.
     */
    public static String options(GenerationRequest request) {
        StringBuilder line = new StringBuilder();
        option(line, "-m", request.mode());
        option(line, "-d", request.durationSeconds());
        option(line, "--fps", request.fps());
        option(line, "-a", request.aspectRatio());
        if (!request.randomSeed()) { // -1 would read as a seed to reproduce; it is none
            option(line, "--seed", request.seed());
        }
        for (int i = 0; i < request.images().size(); i++) {
            option(line, i == 0 ? "-i" : "--tail-image", request.images().get(i));
        }
        option(line, "--template", request.template());
        option(line, "--camera-strength", request.cameraStrength());
        return line.toString();
    }

    private static void option(StringBuilder line, String name, Object value) {
        if (value != null) {
            line.append(' ').append(name).append(' ').append(shellWord(value.toString()));
        }
    }

    /** {@code jimeng} and {@code args}, each as {@link #shellWord}: a command line to type as it is. */
    public static String commandLine(java.util.List<String> args) {
        StringBuilder line = new StringBuilder("jimeng");
        args.forEach(a -> line.append(' ').append(shellWord(a)));
        return line.toString();
    }

    /**
     * A word as a POSIX shell reads it back: bare when plain, else in single quotes; with control
     * characters, in {@code $'…'} with escapes, so the line itself stays printable.
     */
    public static String shellWord(String word) {
        if (word == null || word.isEmpty()) {
            return "''";
        }
        if (word.matches("[A-Za-z0-9_.,:/@%+=-]+")) {
            return word;
        }
        if (word.codePoints().anyMatch(dev.jimeng.text.TerminalText::unsafe)) {
            StringBuilder quoted = new StringBuilder("$'");
            word.codePoints().forEach(cp -> {
                if (cp == '\'' || cp == '\\') {
                    quoted.append('\\').appendCodePoint(cp);
                } else if (dev.jimeng.text.TerminalText.unsafe(cp)) {
                    quoted.append(cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp));
                } else {
                    quoted.appendCodePoint(cp);
                }
            });
            return quoted.append('\'').toString();
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The command that shows everything about a job. */
    public static String show(JobSnapshot job, Invocation at) {
        return at.jimeng() + " show " + job.id();
    }

    /** What the step does, with its honest billing word. */
    public static String effect(Step step, JobSnapshot job, Invocation at) {
        boolean sandbox = at.sandbox();
        return switch (step) {
            case WAIT -> "waits for it and saves the video";
            case CANCEL -> "drops it before it is sent; nothing is billed";
            case FORGET ->
                "stops tracking it; its video is not saved"
                        + (sandbox ? " (sandbox, not billed)" : " (the task is billed all the same)");
            case POLL_AGAIN -> "asks the server again; not billed";
            case DOWNLOAD_AGAIN -> "saves a fresh copy next to the old one; not billed";
            case RESUBMIT ->
                "sends it again as a new task; "
                        + (sandbox
                                ? "sandbox, not billed"
                                : NextSteps.resubmitMayBillTwice(job)
                                        ? "billed again if the first was accepted (may bill twice)"
                                        : job.taskId() == null ? "billed" : "billed again");
            case ATTACH -> "records the task in the journal and saves its video; not billed again";
        };
    }

    /** One line per step that makes sense now: the command, then what it does. */
    public static List<String> suggestions(JobSnapshot job, Instant now, Invocation at) {
        List<String> lines = NextSteps.of(job, now).stream()
                .map(step -> command(step, job, at) + "   # " + effect(step, job, at))
                .toList();
        String advice = advice(job);
        return advice == null
                ? lines
                : java.util.stream.Stream.concat(lines.stream(), java.util.stream.Stream.of(advice))
                        .toList();
    }

    /** The one most useful next step as a short line ("next: …"), or advice when no command helps; "" for none. */
    public static String hint(JobSnapshot job, Instant now, Invocation at) {
        if (job.state() == JobState.DONE) {
            return "";
        }
        List<Step> steps = NextSteps.of(job, now);
        if (!steps.isEmpty()) {
            Step step = steps.get(0);
            return "next: " + command(step, job, at) + " (" + effect(step, job, at) + ")";
        }
        String advice = advice(job);
        return advice == null ? "" : advice;
    }

    /** What to do when no command can help: the request itself must change. */
    private static String advice(JobSnapshot job) {
        if (job.stopReason() == StopReason.CONTENT_REJECTED) {
            return "the same prompt and images meet the same review: change them and generate again";
        }
        if (job.stopReason() == StopReason.INVALID_REQUEST) {
            return "fix the input (an image may have moved or changed) and generate again";
        }
        return null;
    }

    /** One line for a refusal: what is wrong, then the next step that does make sense. */
    public static String refusal(JobRefusedException e, Instant now, Invocation at) {
        JobSnapshot job = e.job();
        String id = job.id();
        String task = job.taskId() == null ? "" : "task " + TerminalText.safe(job.taskId()) + " of ";
        String words =
                switch (e.refusal()) {
                    case STILL_RUNNING ->
                        "job " + id + " is still " + job.state().label() + "; it needs no retry yet";
                    case BEING_SENT ->
                        "job " + id + " is being sent right now (it may be billed) and can no longer be canceled";
                    case AT_SERVER ->
                        task + "job " + id + " is at the server "
                                + (at.sandbox() ? "(sandbox, not billed)" : "and billed")
                                + "; this API cannot stop it. To stop tracking it (its video is then not saved): "
                                + command(Step.FORGET, job, at);
                    case ALREADY_ENDED ->
                        "job " + id + " has already ended (" + job.state().label() + "); nothing to cancel";
                    case NEVER_SENT ->
                        "job " + id + " never reached the server: there is nothing to ask it or download";
                    case OUTCOME_UNKNOWN ->
                        "it is unknown whether the server took job " + id + "; only a new submit can be tried";
                    case SAME_ANSWER ->
                        task + "job " + id + " ended at the server"
                                + (job.errorCode() == null ? "" : " (" + TerminalText.safe(job.errorCode()) + ")")
                                + "; asking again gives the same answer";
                    case TASK_GONE -> "the server no longer keeps " + task + "job " + id + " (12 hours after submit)";
                    case CHANGE_THE_REQUEST -> "job " + id + " cannot be sent again as it is";
                    case BUSY -> "job " + id + " is being worked on right now (in this or another process)";
                };
        if (e.refusal() == dev.jimeng.job.Refusal.AT_SERVER) {
            return words;
        }
        String next = hint(job, now, at);
        return next.isEmpty() ? words : words + "; " + next;
    }
}
