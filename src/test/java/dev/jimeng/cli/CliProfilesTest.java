package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.LoggedRequest;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two profiles against two sandboxes with different key pairs: each profile's jobs go to its own
 * endpoint with its own keys, keep its own caps and spend, and are never driven by the other profile.
 */
class CliProfilesTest {
    @TempDir
    Path cwd;

    @TempDir
    Path home;

    private SandboxServer alpha;
    private SandboxServer beta;

    @BeforeEach
    void start() throws Exception {
        alpha = CliSandbox.start();
        beta = CliSandbox.start();
        Files.writeString(
                home.resolve("config.toml"),
                """
                [profile.alpha]
                api-url = "%s"
                max-cost-per-job = 0.5

                [profile.beta]
                api-url = "%s"
                """
                        .formatted(alpha.baseUrl(), beta.baseUrl()));
        login("alpha", alpha);
        login("beta", beta);
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
    }

    private CliHarness cli() {
        return CliHarness.bare(cwd, home)
                .with("JIMENG_VIDEO_POLL_INTERVAL", "0.1")
                .with("JIMENG_VIDEO_RETRY_BACKOFF", "0.01");
    }

    private void login(String profile, SandboxServer server) {
        String keys =
                server.credentials().accessKeyId() + "\n" + server.credentials().secretAccessKey() + "\n";
        CliRun run = cli().piping(keys.getBytes(StandardCharsets.UTF_8)).run("--profile", profile, "login");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void jobsGoToTheirProfilesEndpointAndEachProfileKeepsItsOwnCapsAndSpend() throws Exception {
        CliRun inBeta = cli().run("--profile", "beta", "generate", "a heron", "--json");
        CliRun cappedInAlpha = cli().run("--profile", "alpha", "generate", "a crane");

        assertThat(inBeta.exitCode()).as(inBeta.toString()).isZero();
        assertThat(beta.submitCount()).isEqualTo(1);
        assertThat(cappedInAlpha.exitCode()).isEqualTo(2);
        assertThat(cappedInAlpha.onlyErrorLine()).contains("max-cost-per-job");
        assertThat(alpha.submitCount()).isZero();

        CliRun inAlpha = cli().run("--profile", "alpha", "--setting", "max-cost-per-job=none", "generate", "a crane");
        assertThat(inAlpha.exitCode()).as(inAlpha.toString()).isZero();
        assertThat(alpha.submitCount()).isEqualTo(1);
        assertThat(beta.submitCount()).isEqualTo(1);
        for (SandboxServer s : new SandboxServer[] {alpha, beta}) {
            assertThat(s.requests()).extracting(LoggedRequest::gatewayError).containsOnlyNulls();
        }

        JsonNode alphaJobs = Json.MAPPER.readTree(
                cli().run("--profile", "alpha", "jobs", "--json").stdout());
        JsonNode betaJobs = Json.MAPPER.readTree(
                cli().run("--profile", "beta", "jobs", "--json").stdout());
        assertThat(alphaJobs).hasSize(1);
        assertThat(alphaJobs.get(0).path("prompt").asText()).isEqualTo("a crane");
        assertThat(betaJobs).hasSize(1);
        assertThat(betaJobs.get(0).path("prompt").asText()).isEqualTo("a heron");
        JsonNode betaSpend = Json.MAPPER.readTree(
                cli().run("--profile", "beta", "spend", "--json").stdout());
        assertThat(betaSpend.path("periods").path("all").path("billed_jobs").asInt())
                .isEqualTo(1);

        String betaJob = Json.MAPPER.readTree(inBeta.stdout()).path("job_id").asText();
        CliRun elsewhere = cli().run("--profile", "alpha", "show", betaJob);
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.onlyErrorLine()).contains("belongs to profile beta", "--profile beta");
    }

    @Test
    void anUnfinishedJobIsNeverPolledWithAnotherProfilesKeys() throws Exception {
        CliRun submitted = cli().run("--profile", "alpha", "--setting", "max-cost-per-job=none", "submit", "a crane");
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        String id = submitted.stdout().strip();
        // the steps shown for it name its profile: pasted as printed, each reaches the job
        CliRun shown = cli().run("--profile", "alpha", "show", id);
        assertThat(shown.stdout()).as(shown.toString()).contains("jimeng --profile alpha wait " + id);
        int alphaCalls = alpha.requests().size();
        int betaCalls = beta.requests().size(); // its login's check

        CliRun betaWait = cli().run("--profile", "beta", "wait");

        assertThat(betaWait.exitCode()).as(betaWait.toString()).isZero();
        assertThat(betaWait.stderr())
                .contains("unfinished jobs of other profiles are left alone: 1 of profile alpha")
                .contains("'jimeng --profile alpha wait' carries it on");
        assertThat(alpha.requests()).hasSize(alphaCalls);
        assertThat(beta.requests()).hasSize(betaCalls);

        CliRun alphaWait = cli().run("--profile", "alpha", "wait", id);
        assertThat(alphaWait.exitCode()).as(alphaWait.toString()).isZero();
        assertThat(alpha.getResultCount()).isGreaterThan(1);
        assertThat(beta.requests()).hasSize(betaCalls);
    }

    @Test
    void anUnknownProfileIsRefusedWithTheClosestName() {
        CliRun run = cli().run("--profile", "alpah", "jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("unknown profile 'alpah'; did you mean alpha?");
    }

    @Test
    void profileUseListAndShow() throws Exception {
        CliRun use = cli().run("profile", "use", "beta");
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(Files.readString(home.resolve("config.toml"))).contains("default-profile = 'beta'");

        CliRun list = cli().run("profile", "list");
        assertThat(list.stdout().lines())
                .anySatisfy(l -> assertThat(l).startsWith("* beta (default)"))
                .anySatisfy(l -> assertThat(l).startsWith("  alpha"))
                .anySatisfy(l -> assertThat(l).startsWith("  default  no credentials"));

        CliRun show = cli().run("profile", "show");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdout())
                .contains("profile beta: access key "
                        + beta.credentials().accessKeyId().substring(0, 4) + "…")
                .contains("credentials file " + home.resolve("credentials.toml") + " [profile.beta]")
                .contains(beta.baseUrl())
                .doesNotContain(beta.credentials().secretAccessKey());
        assertThat(cli().run("generate", "a heron").exitCode()).isZero();
        assertThat(beta.submitCount()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(cli().with("JIMENG_PROFILE", "alpha")
                        .run("jobs", "--json")
                        .stdout()))
                .isEmpty();
    }

    @Test
    void aVideosRemakeLinesNameTheProfileItWasMadeWith() throws Exception {
        CliRun made = cli().run("--profile", "beta", "generate", "a heron at dawn");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        Path video = only(".mp4");

        // a bare jimeng here picks 'default': pasting a line without --profile would use other keys
        CliRun inspect = cli().run("inspect", video.toString());
        assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
        assertThat(inspect.stdout())
                .containsPattern("profile +beta")
                .contains("jimeng --profile beta generate 'a heron at dawn'");
        assertThat(Json.MAPPER
                        .readTree(Files.readString(Path.of(video + ".json")))
                        .path("profile")
                        .asText())
                .isEqualTo("beta");

        CliRun gallery = cli().run("--profile", "beta", "gallery");
        assertThat(gallery.exitCode()).as(gallery.toString()).isZero();
        assertThat(Files.readString(only("gallery.html"))).contains("jimeng --profile beta generate");

        CliRun rerun = cli().run("--profile", "alpha", "rerun", video.toString(), "--dry-run");
        assertThat(rerun.stderr())
                .contains(
                        "was made with profile 'beta'; this sends it with profile 'alpha' (its keys, caps and journal)");
        assertThat(alpha.submitCount() + beta.submitCount())
                .as("a dry run sends nothing")
                .isEqualTo(1);
    }

    /** The one file under the working folder whose name ends in {@code suffix}. */
    private Path only(String suffix) throws java.io.IOException {
        try (var files = Files.walk(cwd)) {
            var found = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .toList();
            assertThat(found).as(suffix).hasSize(1);
            return found.getFirst();
        }
    }
}
