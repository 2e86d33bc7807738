package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.SandboxConfig;
import dev.jimeng.sandbox.SandboxServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimeng doctor} through the real CLI entry point against real sandboxes: healthy, one that
 * refuses a tier, one whose clock is off, none at all, and a damaged journal. Every problem line is
 * followed by its fix, and the exit code is the problem's.
 */
class CliDoctorTest {
    @TempDir
    Path cwd;

    @TempDir
    Path home;

    @Test
    void aHealthySandboxIsAllOkAndExitsZero() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.builder())) {
            CliRun run = CliHarness.against(server, cwd, home).run("doctor");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout())
                    .contains("ok      credentials")
                    .contains("access key " + masked(server.credentials().accessKeyId()))
                    .contains("ok      endpoint", "ok      clock", "ok      tier 720p", "ok      tier 1080p")
                    .contains("ok      tier pro", "ok      journal", "ok      output", "ok      self-test")
                    .contains("not a terminal")
                    .doesNotContain("problem")
                    .doesNotContain(server.credentials().secretAccessKey());
        }
    }

    @Test
    void aTierNotActivatedIsAProblemNamingTheTierAndItsFix() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.builder().refuseReqKeys("jimeng_t2v_v30_1080p"))) {
            CliRun run = CliHarness.against(server, cwd, home).run("doctor");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(lineAfter(run.stdout(), "problem tier 1080p"))
                    .contains("fix: activate Jimeng Video 3.0 1080P")
                    .contains("Volcengine console");
            assertThat(run.stdout()).contains("not activated: Access Denied for t2v_1080p");
            assertThat(run.stdout()).contains("ok      tier 720p", "ok      tier pro");
        }
    }

    @Test
    void aSkewedClockIsAWarningAboveAMinuteAndAProblemAboveFive() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.builder().dateSkew(Duration.ofMinutes(2)))) {
            CliRun run = CliHarness.against(server, cwd, home).run("doctor");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout()).containsPattern("warning clock +this computer's clock is (1m5\\ds|2m\\S*) behind");
            assertThat(lineAfter(run.stdout(), "warning clock")).contains("fix: sync the clock");
        }
        try (SandboxServer server = sandbox(SandboxConfig.builder().dateSkew(Duration.ofMinutes(-10)))) {
            CliRun run = CliHarness.against(server, cwd, home).run("doctor");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(run.stdout())
                    .containsPattern("problem clock +this computer's clock is (9m5\\ds|10m\\S*) ahead of");
            assertThat(lineAfter(run.stdout(), "problem clock")).contains("fix: sync the clock");
        }
    }

    @Test
    void anUnreachableEndpointIsANetworkProblem() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliHarness.bare(cwd, home)
                .with("VOLC_ACCESSKEY", "AKLTdoctortest0000000000")
                .with("VOLC_SECRETKEY", "doctor-secret-never-shown-0123456789")
                .with("JIMENG_VIDEO_API_URL", "http://127.0.0.1:" + closedPort)
                .run("doctor");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.stdout()).contains("problem endpoint", "cannot be reached", "(direct, no proxy)");
        assertThat(lineAfter(run.stdout(), "problem endpoint")).contains("fix: check the network");
        assertThat(run.stdout()).contains("warning tiers", "not checked");
        assertThat(run.stdout()).doesNotContain("doctor-secret-never-shown");
    }

    @Test
    void aDamagedJournalIsAProblemWithTheCommandThatKeepsIt() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.builder())) {
            Path journal = home.resolve("jobs.db");
            Files.writeString(journal, "this is not a database, only text pretending to be one");
            Files.setPosixFilePermissions(journal, dev.jimeng.config.PrivateFiles.FILE);
            CliRun run = CliHarness.against(server, cwd, home).run("doctor");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(10);
            assertThat(run.stdout()).contains("problem journal", "is damaged");
            assertThat(lineAfter(run.stdout(), "problem journal")).contains("fix: move it aside", "mv ");
        }
    }

    @Test
    void jsonParsesAndHasEveryCheck() throws IOException {
        try (SandboxServer server = sandbox(SandboxConfig.builder().refuseReqKeys("jimeng_ti2v_v30_pro"))) {
            CliRun run = CliHarness.against(server, cwd, home).run("doctor", "--json");

            JsonNode doc = Json.MAPPER.readTree(run.stdout());
            assertThat(doc.path("healthy").asBoolean()).isFalse();
            assertThat(doc.path("exit_code").asInt()).isEqualTo(run.exitCode()).isEqualTo(4);
            List<String> checks = doc.path("checks").findValuesAsText("check");
            assertThat(checks).contains("java", "terminal", "credentials", "endpoint", "clock", "tier pro", "journal");
            for (JsonNode check : doc.path("checks")) {
                if (check.path("level").asText().equals("problem")) {
                    assertThat(check.path("fix").asText()).as(check.toString()).isNotBlank();
                }
            }
        }
    }

    @Test
    void theBuiltInSandboxIsTheEndpointWithSandbox() {
        CliRun run = CliHarness.bare(cwd, home).run("--sandbox", "doctor");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("built-in sandbox", "ok      endpoint", "ok      tier 720p");
    }

    private static SandboxServer sandbox(SandboxConfig.Builder config) throws IOException {
        return SandboxServer.start(config.queueDuration(Duration.ofMillis(100))
                .generateDuration(Duration.ofMillis(200))
                .qpsLimit(1000)
                .concurrencyLimit(100)
                .build());
    }

    private static String masked(String accessKey) {
        return accessKey.substring(0, 4) + "…" + accessKey.substring(accessKey.length() - 4);
    }

    /** The line after the one starting with {@code start} (after collapsing runs of spaces): its fix. */
    private static String lineAfter(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).replaceAll(" +", " ").startsWith(start)) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no line starting with '" + start + "' in:\n" + text);
    }
}
