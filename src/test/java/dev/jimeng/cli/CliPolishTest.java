package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.e2e.SandboxLog;
import dev.jimeng.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The small things of issue 16 (CLI): each through the real command line. */
class CliPolishTest {
    @RegisterExtension
    final CliSandbox sandbox = CliSandbox.perTest();

    private String submit(String prompt) {
        CliRun run = sandbox.cli().run("submit", prompt);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.stdout().strip().lines().reduce((a, b) -> b).orElseThrow().split("\\s+")[0];
    }

    private JsonNode generate(String prompt) throws Exception {
        CliRun run = sandbox.cli().run("generate", prompt, "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Json.MAPPER.readTree(run.stdout());
    }

    @Test
    void waitAndStatusWithoutIdsMeanEveryUnfinishedJob() {
        String fox = submit("a red fox");
        String whale = submit("a blue whale");

        CliRun status = sandbox.cli().run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains(fox).contains(whale);

        CliRun waited = sandbox.cli().run("wait");
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.stdout()).contains(fox + " done").contains(whale + " done");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(2);

        CliRun nothing = sandbox.cli().run("wait", "--all");
        assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
        assertThat(nothing.stderr()).isEqualTo("no unfinished jobs (2 in the journal)\n");
        CliRun none = sandbox.cli().run("status");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.stdout()).isEqualTo("no unfinished jobs (2 in the journal)\n");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(2);
    }

    @Test
    void anEmptyFilteredListSaysWhatWasAskedForAndHowManyJobsThereAre() throws Exception {
        CliRun empty = sandbox.cli().run("jobs", "--status", "active");
        assertThat(empty.stdout()).matches("no jobs yet: try jimeng( --\\w+)* generate \"a red fox in the snow\"\n");

        generate("a red fox");

        CliRun active = sandbox.cli().run("jobs", "--status", "active");
        assertThat(active.exitCode()).as(active.toString()).isZero();
        assertThat(active.stdout()).isEqualTo("no active jobs (1 in the journal)\n");
        CliRun search = sandbox.cli().run("jobs", "--status", "failed", "--search", "whale");
        assertThat(search.stdout()).isEqualTo("no failed jobs matching 'whale' (1 in the journal)\n");
    }

    @Test
    void downloadIntoAFolderKeepsTheVideosUsualName() throws Exception {
        JsonNode made = generate("a red fox");
        String id = made.path("job_id").asText();
        String usualName =
                Path.of(made.path("save_path").asText()).getFileName().toString();
        java.nio.file.Files.createDirectories(sandbox.cwd().resolve("existing"));
        java.nio.file.Files.createDirectories(sandbox.cwd().resolve("slashed"));
        long submits = SandboxLog.acceptedSubmits(sandbox.server());

        for (String folder : new String[] {"existing", "slashed/", "new/", "deeper/still/"}) {
            CliRun run = sandbox.cli().run("download", id, "-o", folder);
            assertThat(run.exitCode()).as(folder + ": " + run).isZero();
            Path expected = sandbox.cwd().resolve(folder.replaceFirst("/$", "")).resolve(usualName);
            assertThat(run.stdout().lines().toList()).as(folder).contains(expected.toString());
            assertThat(expected).isRegularFile();
        }
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(submits);
    }

    @Test
    void aReDownloadKeepsTheJobsHistoryAndSaysWhereTheCopyWent() throws Exception {
        JsonNode made = generate("a red fox");
        String id = made.path("job_id").asText();
        Path original = Path.of(made.path("save_path").asText());
        int downloads = sandbox.server().downloadCount();

        CliRun again = sandbox.cli().run("download", id);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        Path copy = Path.of(again.stdout().strip());
        assertThat(copy).isNotEqualTo(original).isRegularFile().hasSameBinaryContentAs(original);
        assertThat(sandbox.server().downloadCount()).isGreaterThan(downloads);
        CliRun shown = sandbox.cli().run("jobs", "--json");
        JsonNode after = Json.MAPPER.readTree(shown.stdout()).get(0);
        assertThat(after.path("save_path").asText()).isEqualTo(original.toString());
        assertThat(after.path("state_times")).isEqualTo(made.path("state_times"));
        assertThat(after.path("sha256")).isEqualTo(made.path("sha256"));
        assertThat(after.path("status").asText()).isEqualTo("done");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(1);
        // the copy is journaled beside the job, and show says where it went
        CliRun details = sandbox.cli().run("show", id);
        assertThat(details.stdout().lines().filter(l -> l.strip().startsWith("copy ")))
                .singleElement()
                .asString()
                .contains(copy.toString());
        assertThat(details.stdout()).contains("file          " + original);
    }

    @Test
    void theJsonSaysWhenTheVideoUrlStopsWorking() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        JsonNode made = generate("a red fox");
        java.time.Instant after = java.time.Instant.now();

        String expires = made.path("video_url_expires_at").asText(null);
        assertThat(expires).as(made.toString()).isNotNull();
        assertThat(java.time.Instant.parse(expires))
                .isBetween(before.plus(java.time.Duration.ofMinutes(59)), after.plus(java.time.Duration.ofHours(1)));
        JsonNode listed = Json.MAPPER
                .readTree(sandbox.cli().run("jobs", "--json").stdout())
                .get(0);
        assertThat(listed.path("video_url_expires_at").asText(null)).isNotNull();
        assertThat(java.time.Instant.parse(listed.path("video_url_expires_at").asText()))
                .isBetween(before.plus(java.time.Duration.ofMinutes(59)), after.plus(java.time.Duration.ofHours(1)));
    }

    @Test
    void badJsonInABatchSaysLineColumnAndWhatWasExpectedInOneLine() throws Exception {
        java.nio.file.Files.writeString(
                sandbox.cwd().resolve("jobs.txt"),
                "a red fox\n{\"prompt\": \"a whale\" \"duration\": 5}\n{\"prompt\": \"a cat\"\n{prompt: 1}\n");

        CliRun run = sandbox.cli().run("batch", "jobs.txt", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        String all = run.stderr();
        assertThat(all).contains("line 2: not valid JSON at column 22: expected , or } after a value but found \"");
        assertThat(all).contains("line 3: not valid JSON at column 19: expected } before the line ends");
        assertThat(all).contains("line 4: not valid JSON at column 2: expected a key in double quotes but found p");
        assertThat(all)
                .doesNotContain("Source")
                .doesNotContain("code 34")
                .doesNotContain("REDACTED")
                .doesNotContain("marker")
                .doesNotContain("StreamReadFeature");
        assertThat(sandbox.server().requests()).isEmpty();
    }

    @Test
    void anErrorCodeIsSaidOnceCountsAgreeAndTheSeedHasOneRule() throws Exception {
        CliRun failed = sandbox.cli().run("generate", "an unreviewable sunset", "--json");
        assertThat(failed.exitCode()).as(failed.toString()).isNotZero();
        String id = Json.MAPPER.readTree(failed.stdout()).path("job_id").asText();
        assertThat(failed.stderr()).contains("50516").doesNotContain("50516: 50516");
        CliRun shown = sandbox.cli().run("show", id);
        assertThat(shown.stdout()).contains("50516").doesNotContain("50516: 50516");

        CliRun tooLong = sandbox.cli().run("generate", "x".repeat(801), "--dry-run");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.onlyErrorLine()).endsWith("shorten it by 1 character");

        CliRun flag = sandbox.cli().run("generate", "a cat", "--seed", "2147483648", "--dry-run");
        CliRun setting = sandbox.cli().runScript("set seed 2147483648\nset seed -2\n");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.onlyErrorLine()).contains("0 to 2147483647, or -1 for a random seed");
        assertThat(setting.stdout() + setting.stderr())
                .contains("'2147483648' is out of range; give a whole number: 0 to 2147483647, or -1 for a random seed")
                .contains("'-2' is out of range; give a whole number: 0 to 2147483647, or -1 for a random seed");
        assertThat(SandboxLog.acceptedSubmits(sandbox.server())).isEqualTo(1);
    }
}
