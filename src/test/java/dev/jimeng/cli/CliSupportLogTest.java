package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.app.SupportLog;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import dev.jimeng.sign.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The support log (jimeng.log in the state folder): one line per API call with its fields, every
 * error with its stack, and a known secret and session token appear nowhere in a whole session —
 * not in any file under JIMENG_HOME, the report bundle, stdout or stderr.
 */
class CliSupportLogTest {
    private static final String SECRET = "kN3pQ7rT9vX1zB5dF8hJ2lM4nP6qS0uW3yA5cE7g";
    private static final String TOKEN = "STSsessionTokenVerySecret0123456789abcdefXYZ";

    @TempDir
    Path cwd;

    @TempDir
    Path home;

    @Test
    void eachApiCallIsOneLineWithItsFieldsAndErrorsKeepTheirStack() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.generateCredentials())) {
            CliHarness jimeng = CliHarness.against(server, cwd, home);
            CliRun done = jimeng.run("generate", "a fox in the snow");
            CliRun failed = jimeng.run("generate", "a forbidden fox");

            assertThat(done.exitCode()).as(done.toString()).isZero();
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
            List<String> log = Files.readAllLines(home.resolve(SupportLog.FILE_NAME));
            assertThat(log)
                    .anyMatch(
                            l -> l.matches(
                                    "\\d{4}-\\d\\d-\\d\\dT\\S+Z INFO api CVSync2AsyncSubmitTask"
                                            + " req_key=jimeng_t2v_v30 task_id=\\d+ request_id=\\w+ http=200 code=10000 elapsed=\\d+ms"))
                    .anyMatch(l -> l.matches("\\S+ INFO api CVSync2AsyncGetResult req_key=jimeng_t2v_v30"
                            + " task_id=\\d+ request_id=\\w+ http=200 code=10000 elapsed=\\d+ms"))
                    .anyMatch(l -> l.matches("\\S+ INFO api CVSync2AsyncSubmitTask req_key=jimeng_t2v_v30"
                            + " task_id=- request_id=\\w+ http=400 code=50412 elapsed=\\d+ms"));
            long calls = log.stream().filter(l -> l.contains(" INFO api ")).count();
            assertThat(calls).isEqualTo(server.submitCount() + server.getResultCount());
        }
        CliRun broken = CliHarness.bare(cwd, home).run("download", "nosuchjob");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(Files.readString(home.resolve(SupportLog.FILE_NAME)))
                .containsPattern("ERROR dev.jimeng.app.UserError: no job 'nosuchjob'.*\n\\s+at dev.jimeng");
    }

    @Test
    void theLogRotatesAtItsCapKeepingThreeFiles() throws IOException {
        Path file = home.resolve(SupportLog.FILE_NAME);
        SupportLog log = new SupportLog(file, 20_000, java.time.Clock.systemUTC(), List::of, null);
        for (int i = 0; i < 100; i++) {
            log.error(new IllegalStateException("failure number " + i));
        }

        assertThat(Files.size(file)).isLessThanOrEqualTo(20_000);
        assertThat(Files.size(home.resolve("jimeng.log.1"))).isBetween(10_000L, 20_000L);
        assertThat(home.resolve("jimeng.log.1")).exists();
        assertThat(home.resolve("jimeng.log.2")).exists();
        assertThat(home.resolve("jimeng.log.3")).doesNotExist();
        assertThat(Files.readString(file)).contains("failure number 99");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(dev.jimeng.config.PrivateFiles.FILE);
        assertThat(log.lastLines(5)).hasSize(5).last().asString().contains("at ");
    }

    @Test
    void aKnownSecretAndSessionTokenAppearNowhereInAWholeSession() throws IOException {
        try (SandboxServer server = sandbox(new Credentials("AKLTsupportlogtest0001", SECRET, TOKEN))) {
            CliHarness jimeng = CliHarness.against(server, cwd, home).with("VOLC_SESSION_TOKEN", TOKEN);
            Path batch = cwd.resolve("jobs.txt");
            Files.writeString(batch, "a heron at dawn\na kite over the sea\n");
            Path report = cwd.resolve("bundle.txt");
            List<CliRun> runs = new ArrayList<>();
            runs.add(jimeng.run("generate", "a red fox"));
            runs.add(jimeng.run("--verbose", "generate", "a forbidden fox"));
            runs.add(jimeng.run("--verbose", "generate", "a grey wolf", "--json"));
            runs.add(jimeng.run("batch", batch.toString(), "--yes"));
            runs.add(jimeng.run("--verbose", "doctor", "--report", report.toString()));

            assertThat(runs.get(0).exitCode()).as(runs.get(0).toString()).isZero();
            assertThat(runs.get(1).exitCode()).isEqualTo(3);
            assertThat(runs.get(1).stderr()).contains("jimeng: api CVSync2AsyncSubmitTask");
            assertThat(runs.get(3).exitCode()).as(runs.get(3).toString()).isZero();
            assertThat(runs.get(4).exitCode()).as(runs.get(4).toString()).isZero();
            assertThat(runs.get(4).stderr()).contains("report written to " + report);
            assertThat(Files.readString(report))
                    .contains("## settings", "## doctor", "## last", "CVSync2AsyncGetResult", "Java ");
            assertThat(Files.getPosixFilePermissions(report)).isEqualTo(dev.jimeng.config.PrivateFiles.FILE);

            List<String> everything = new ArrayList<>();
            for (CliRun r : runs) {
                everything.add(r.stdout());
                everything.add(r.stderr());
            }
            everything.add(Files.readString(report));
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    everything.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(everything).allSatisfy(text -> assertThat(text)
                    .doesNotContain(SECRET)
                    .doesNotContain(TOKEN)
                    .doesNotContain("Signature="));
        }
    }

    private static SandboxServer sandbox(Credentials credentials) throws IOException {
        return SandboxServer.start(SandboxConfig.builder()
                .credentials(credentials)
                .queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .qpsLimit(1000)
                .concurrencyLimit(100)
                .build());
    }
}
