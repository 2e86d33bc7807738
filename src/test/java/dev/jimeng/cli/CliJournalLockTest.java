package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.json.Json;
import dev.jimeng.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The money path when the journal cannot be written right after the server accepted a submit:
 * another process holds {@code jobs.db} locked (longer than the busy timeout and the retry window).
 * The task id reaches the user at once, nothing hangs, the command exits with its own code and
 * prints the {@code attach} command, which records the task and carries it to its video without a
 * second submit.
 */
@Timeout(120)
class CliJournalLockTest {
    private static final Pattern ACCEPTED = Pattern.compile("jimeng: task (\\S+) accepted for job (\\S+)");

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void aTaskAcceptedWhileAnotherProcessLocksTheJournalIsToldAndAttachRecoversIt() throws Exception {
        CliHarness jimeng = sandbox.cli().with("JIMENG_JOURNAL_RETRY_SECONDS", "2");
        AtomicReference<Connection> locker = new AtomicReference<>();
        // the moment the server has accepted the task, before its answer leaves: lock the journal
        sandbox.server().faults().beforeNextAcceptedAnswer(() -> locker.set(lockExclusively(journal())));
        long acceptedBefore = SandboxLog.acceptedSubmits(sandbox.server());

        CliRun run;
        try {
            run = jimeng.run("generate", "a fox in the snow", "--json");
        } finally {
            if (locker.get() != null) {
                locker.get().close(); // held for the whole command: far past its 2 s retry window
            }
        }

        assertThat(locker.get()).as("the journal was locked").isNotNull();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOT_JOURNALED.code());
        Matcher accepted = ACCEPTED.matcher(run.stderr());
        assertThat(accepted.find()).as(run.stderr()).isTrue();
        String taskId = accepted.group(1);
        assertThat(run.stderr()).contains("cannot be written").contains("trying again");
        String attach = "jimeng attach " + taskId + " --mode t2v_720p --prompt 'a fox in the snow' --duration 5";
        assertThat(run.stderr()).contains(attach);
        JsonNode json = Json.MAPPER.readTree(run.stdout());
        assertThat(json.get("task_id").asText()).isEqualTo(taskId);
        assertThat(json.get("stop_reason").asText()).isEqualTo("not_journaled");
        assertThat(json.get("next").get(0).get("command").asText()).isEqualTo(attach);
        assertThat(SandboxLog.acceptedSubmits(sandbox.server()) - acceptedBefore)
                .isEqualTo(1);

        CliRun recovered = jimeng.run(shellWords(attach.substring("jimeng ".length())));

        assertThat(recovered.exitCode()).as(recovered.toString()).isZero();
        assertThat(recovered.stdout()).contains("Task ID: " + taskId).contains("a fox in the snow");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server()) - acceptedBefore)
                .as("attach never submits: the task was accepted once")
                .isEqualTo(1);
        assertThat(SandboxLog.polledTaskIds(sandbox.server())).contains(taskId);
        CliRun listed = jimeng.run("jobs", "--json");
        assertThat(listed.stdout()).contains(taskId).contains("\"done\"");
    }

    @Test
    void attachingATaskAJobAlreadyTracksFindsThatJobInsteadOfAddingOne() throws Exception {
        CliHarness jimeng = sandbox.cli();
        CliRun first = jimeng.run("generate", "a heron", "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String taskId = Json.MAPPER.readTree(first.stdout()).get("task_id").asText();
        String jobId = Json.MAPPER.readTree(first.stdout()).get("job_id").asText();
        long accepted = SandboxLog.acceptedSubmits(sandbox.server());

        CliRun again = jimeng.run("attach", taskId, "--mode", "t2v_720p", "--json");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Json.MAPPER.readTree(again.stdout()).get("job_id").asText()).isEqualTo(jobId);
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(accepted);
    }

    @Test
    void attachRefusesAModeItDoesNotKnowAndSendsNothing() {
        CliRun run = sandbox.cli().run("attach", "123", "--mode", "t2v_4k");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.onlyErrorLine()).contains("unknown mode 't2v_4k'").contains("t2v_720p");
    }

    private Path journal() {
        Path db = sandbox.home().resolve(JobStore.FILE_NAME);
        if (!Files.exists(db)) {
            try (var files = Files.walk(sandbox.home())) {
                db = files.filter(p -> p.getFileName().toString().equals(JobStore.FILE_NAME))
                        .findFirst()
                        .orElseThrow();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return db;
    }

    /** A second connection that holds the journal's write lock until it is closed. */
    private static Connection lockExclusively(Path db) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The words of a command line as a POSIX shell reads them (single quotes only). */
    static String[] shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }
}
