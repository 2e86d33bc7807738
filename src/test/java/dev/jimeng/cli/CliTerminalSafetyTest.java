package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A prompt and a server message full of escape sequences (retitle the window, clear the screen,
 * write the clipboard, the one-character CSI, a bidi override) never reach stdout or stderr raw from
 * any command: each shows them as visible text ({@code \e]0;…}) instead, while {@code --json} keeps
 * the exact prompt, escaped by JSON.
 */
class CliTerminalSafetyTest {
    static final String PROMPT = "a fox \u001b]0;pwned\u0007 then \u001b[2J and \u001b]52;c;cHduZWQ=\u0007"
            + " csi \u009b31m rtl \u202eabc\u202c del \u007f";
    static final String SERVER_MESSAGE =
            "denied \u001b]0;server-pwned\u0007\u001b[2J\u009b1;1H\u001b]52;c;c2VydmVy\u0007 forged";
    private static final Pattern JOB_ID = Pattern.compile("(?m)^(\\w{8})\\s*$");
    private static final Pattern ID_IN_LINE = Pattern.compile("jimeng: (\\w{8}) ");

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void noCommandPrintsAControlCharacterOfAPromptOrAServerMessage() throws Exception {
        CliHarness jimeng = sandbox.cli();
        List<CliRun> runs = new ArrayList<>();

        // generate: the Markdown block (done) and the failure line (the server's message)
        CliRun done = record(runs, jimeng.run("generate", PROMPT));
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.stdout()).contains("- Prompt: a fox \\e]0;pwned\\a then \\e[2J and \\e]52;c;cHduZWQ=\\a");
        assertThat(done.stdout()).contains("csi \\u009b31m rtl \\u202eabc\\u202c del \\u007f");

        sandbox.server().faults().failNextSubmit(50412, SERVER_MESSAGE);
        CliRun failed = record(runs, jimeng.run("generate", "--yes", PROMPT));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.onlyErrorLine()).contains("50412", "server-pwned", "\\u009b1;1H");
        Matcher m = ID_IN_LINE.matcher(failed.stderr());
        assertThat(m.find()).as(failed.stderr()).isTrue();
        String failedId = m.group(1);

        // --json keeps the exact prompt (JSON escapes it; parsing gives it back)
        CliRun json = record(runs, jimeng.run("generate", "--yes", "--json", PROMPT));
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(Json.MAPPER.readTree(json.stdout()).path("prompt").asText()).isEqualTo(PROMPT);
        String doneId = Json.MAPPER.readTree(json.stdout()).path("job_id").asText();

        // submit, then wait: state lines (stdout is not a terminal) and the result
        CliRun submitted = record(runs, jimeng.run("submit", "--yes", PROMPT));
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        Matcher id = JOB_ID.matcher(submitted.stdout());
        assertThat(id.find()).as(submitted.stdout()).isTrue();
        CliRun waited = record(runs, jimeng.run("wait", id.group(1), failedId));
        assertThat(waited.stdout()).contains(" done ");
        assertThat(waited.stderr()).contains(failedId + " failed: 50412: ", "server-pwned");

        // the views of the journal
        CliRun jobs = record(runs, jimeng.run("jobs"));
        assertThat(jobs.stdout()).contains("a fox \\e]0;pwned\\a");
        CliRun jobsJson = record(runs, jimeng.run("jobs", "--json"));
        for (JsonNode job : Json.MAPPER.readTree(jobsJson.stdout())) {
            assertThat(job.path("prompt").asText()).isEqualTo(PROMPT);
        }
        for (String shown : List.of(doneId, failedId)) {
            record(runs, jimeng.run("show", shown));
            record(runs, jimeng.run("status", shown));
            CliRun showJson = record(runs, jimeng.run("show", "--json", shown));
            assertThat(Json.MAPPER.readTree(showJson.stdout()).path("prompt").asText())
                    .isEqualTo(PROMPT);
        }
        assertThat(runs.get(runs.size() - 3).stdout()).contains("server-pwned", "\\u009b1;1H");

        // retry and cancel: refusals and what they print
        record(runs, jimeng.run("retry", failedId));
        record(runs, jimeng.run("retry", "--resubmit", "--yes", failedId));
        record(runs, jimeng.run("cancel", failedId));
        record(runs, jimeng.run("cancel", "--forget", doneId));

        // the dry run's quote, user input in error lines (a missing job, a bad option)
        record(runs, jimeng.run("generate", "--dry-run", PROMPT));
        CliRun missing = record(runs, jimeng.run("show", "\u001b]0;pwned\u0007"));
        assertThat(missing.onlyErrorLine()).contains("'\\e]0;pwned\\a'");
        CliRun badOption = record(runs, jimeng.run("generate", "--\u001b[2J", "x"));
        assertThat(badOption.exitCode()).isEqualTo(2);
        record(runs, jimeng.run("--verbose", "show", "\u009b2J"));

        // the script shell: its notices and the commands it runs
        sandbox.server().faults().failNextSubmit(50412, SERVER_MESSAGE);
        CliRun script = record(
                runs,
                jimeng.runScript("\"" + PROMPT + "\" --yes\n" + "g --yes \"" + PROMPT + "\"\njobs\nshow " + failedId
                        + "\n\u001b]0;pwned\u0007\nset output-dir /tmp/\u001b[2J\n"));
        assertThat(script.stdout()).contains("a fox \\e]0;pwned\\a", "server-pwned");
        assertThat(script.stderr()).contains("unknown command '\\e]0;pwned\\a'");

        for (CliRun run : runs) {
            assertTerminalSafe(run.stdout(), run);
            assertTerminalSafe(run.stderr(), run);
        }
    }

    @Test
    void theProblemsOfABatchOrAStoryboardFileShowItsControlCharactersAsText() throws Exception {
        String name = "jobs \u001b[2J.txt";
        java.nio.file.Files.writeString(
                sandbox.cwd().resolve(name),
                "{\"mode\":\"t2\\u001b[31mv\"}\n{\"mode\":\"x\\u009b31m\"}\n{\"prompt\":\"\\u202e\",\"fps\":30}\n");
        java.nio.file.Files.writeString(
                sandbox.cwd().resolve("board.jsonl"),
                "{\"prompt\":\"a\",\"first\":\"k\\u001b]0;pwned\\u0007.png\",\"last\":\"k1.png\","
                        + "\"mode\":\"\\u009b2J\"}\n");

        int submitsBefore = sandbox.server().submitCount();
        CliRun batch = sandbox.cli().run("batch", name, "--yes");
        CliRun story = sandbox.cli().run("story", "board.jsonl", "--yes");

        assertThat(batch.exitCode()).as(batch.toString()).isEqualTo(2);
        assertThat(batch.stderr()).contains("jobs \\e[2J.txt line 1: unknown mode 't2\\e[31mv'", "x\\u009b31m");
        assertThat(story.exitCode()).as(story.toString()).isEqualTo(2);
        assertThat(sandbox.server().submitCount()).isEqualTo(submitsBefore);
        for (CliRun run : List.of(batch, story)) {
            assertTerminalSafe(run.stdout(), run);
            assertTerminalSafe(run.stderr(), run);
        }
    }

    /** A "jimeng: " line printed anywhere else could forget to make its text safe, as batch's problems did. */
    @Test
    void everyJimengLineOnStderrIsPrintedByTell() throws Exception {
        Pattern printed = Pattern.compile("print(ln)?\\(\\s*\"jimeng: ");
        List<String> elsewhere = new ArrayList<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/dev/jimeng/cli"))) {
            for (java.nio.file.Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!source.getFileName().toString().equals("Tell.java")
                        && printed.matcher(java.nio.file.Files.readString(source))
                                .find()) {
                    elsewhere.add(source.getFileName().toString());
                }
            }
        }
        assertThat(elsewhere).isEmpty();
    }

    private static CliRun record(List<CliRun> runs, CliRun run) {
        runs.add(run);
        return run;
    }

    /** No ESC, no BEL, no C1 control, no bidi override: nothing a terminal would act on. */
    private static void assertTerminalSafe(String text, CliRun run) {
        text.codePoints().forEach(cp -> assertThat(cp == 0x1B
                        || cp == 0x07
                        || (cp >= 0x80 && cp <= 0x9F)
                        || (cp >= 0x202A && cp <= 0x202E)
                        || (cp >= 0x2066 && cp <= 0x2069))
                .as("U+%04X in %s", cp, run)
                .isFalse());
    }
}
