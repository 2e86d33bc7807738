package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in sandbox ({@code jimeng --sandbox generate}) works with no account at all; no
 * secret ever reaches stdout, stderr or the files under JIMENG_HOME; and the progress line is
 * drawn on stderr only when stderr is a terminal.
 */
class CliSandboxAndSecretsTest {
    /** A Volcengine-shaped secret: 40 base64 characters standing alone (the sandbox makes these). */
    private static final Pattern SECRET_SHAPED =
            Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])");

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @Test
    void sandboxGenerateMakesAVideoWithoutAnyCredentials() throws Exception {
        CliRun run = CliHarness.bare(sandbox.cwd(), sandbox.home()).run("--sandbox", "generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
        assertThat(run.stdout()).startsWith("**Generated Video:**").contains("- Prompt: a cat\n");
        List<Path> videos = listFiles(sandbox.cwd().resolve("generated_videos")).stream()
                .filter(f -> f.toString().endsWith(".mp4"))
                .toList();
        assertThat(videos).hasSize(1);
        assertThat(run.stdout()).contains("- Save Path: " + videos.getFirst() + "\n");
        assertThat(Path.of(videos.getFirst() + ".json"))
                .as("its metadata sidecar")
                .exists();
        JsonNode probe = Fixtures.ffprobe(videos.getFirst());
        assertThat(probe.path("streams").get(0).path("codec_name").asText()).isEqualTo("h264");
        assertThat(probe.path("streams").get(0).path("width").asInt()).isEqualTo(1280);
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(5.0, 5.1);

        assertThat(journalsUnder(sandbox.home())).as("the journal was written").isNotEmpty();
        // the built-in sandbox's key pair is random: nothing shaped like its secret may show up
        for (String text : everythingWritten(run)) {
            assertNoSecretShapedToken(text);
            assertThat(text).doesNotContain("X-Signature", "Signature=", "Credential=");
        }
    }

    @Test
    void noSecretSignatureUrlTokenOrImageDataIsPrintedOrStoredEvenWithVerbose() throws Exception {
        Path png = Fixtures.png(sandbox.cwd(), "first.png", 640, 480);
        String imageBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        String secret = sandbox.server().credentials().secretAccessKey();
        CliHarness jimeng = sandbox.cli();

        CliRun run = jimeng.run(
                "--verbose", "generate", "the ball bounces", "-m", "i2v_first_720p", "-i", "first.png", "--json");
        CliRun shown = jimeng.run(
                "show", Json.MAPPER.readTree(run.stdout()).path("job_id").asText(), "--json");
        CliRun listed = jimeng.run("jobs", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).as("--verbose logs the API calls").contains("jimeng: api ");
        for (CliRun r : List.of(run, shown, listed)) {
            for (String text : List.of(r.stdout(), r.stderr())) {
                assertThat(text).doesNotContain(secret, "X-Signature", "Signature=", imageBase64.substring(0, 64));
            }
        }
        assertThat(journalsUnder(sandbox.home())).isNotEmpty();
        for (String stored : filesUnder(sandbox.home())) {
            assertThat(stored).doesNotContain(secret, "X-Signature", imageBase64.substring(0, 64));
        }
    }

    @Test
    void jobsAndShowReadTheJournalWithoutCredentials() throws Exception {
        CliRun made = sandbox.cli().run("generate", "a heron takes off");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        CliHarness noAccount = CliHarness.bare(sandbox.cwd(), sandbox.home());

        CliRun listed = noAccount.run("jobs", "--json");
        String id = Json.MAPPER.readTree(listed.stdout()).get(0).path("job_id").asText();
        CliRun shown = noAccount.run("show", id);

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.stdout()).contains("a heron takes off");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).contains(id).contains("a heron takes off");
        assertThat(listed.stderr() + shown.stderrBesidesAccepted()).isEmpty();
    }

    @Test
    void downloadWithoutCredentialsSaysWhichVariableIsMissingAndSendsNothing() throws Exception {
        CliRun made = sandbox.cli().run("generate", "a heron lands", "--json");
        String id = Json.MAPPER.readTree(made.stdout()).path("job_id").asText();
        int callsBefore = sandbox.server().requests().size();

        CliRun run = CliHarness.bare(sandbox.cwd(), sandbox.home()).run("download", id);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).contains("VOLC_ACCESSKEY is not set", "--sandbox");
        assertThat(sandbox.server().requests()).hasSize(callsBefore);
    }

    @Test
    void theProgressLineIsDrawnOnStderrWhenItIsATerminal() {
        CliRun run = sandbox.cli().stderrIsTerminal(true).run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).startsWith("\r\033[Kjimeng: ").contains(" downloading ", " done ");
        assertThat(run.stderr()).as("the line is wiped at the end").endsWith("\r\033[K");
        assertThat(run.stdout()).startsWith("**Generated Video:**").doesNotContain("\033");
    }

    @Test
    void atSixtyColumnsTheProgressIsOneUpdatingLineThatNeverWraps() {
        CliRun run = sandbox.cli().with("COLUMNS", "60").stderrIsTerminal(true).run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String drawn : run.stderr().split("\n|\r\033\\[K")) {
            assertThat(dev.jimeng.text.TerminalText.width(drawn)).as(drawn).isLessThan(60);
        }
        assertThat(run.stderr()).contains(" done ");
    }

    @Test
    void noProgressIsWrittenWhenStderrIsNotATerminal() {
        CliRun run = sandbox.cli().stderrIsTerminal(false).run("generate", "a cat");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderrBesidesAccepted()).isEmpty();
    }

    @Test
    void aFailureAtATerminalWipesTheProgressLineBeforeTheErrorLine() {
        sandbox.server().faults().failNextSubmit(50412);

        CliRun run = sandbox.cli().stderrIsTerminal(true).run("generate", "a cat");

        assertThat(run.exitCode()).isEqualTo(3);
        String afterProgress = run.stderr().substring(run.stderr().lastIndexOf("\r\033[K") + 4);
        assertThat(afterProgress).startsWith("jimeng: ").contains("50412").endsWith("\n");
        assertThat(afterProgress.lines()).hasSize(1);
    }

    private List<String> everythingWritten(CliRun run) {
        List<String> all = new java.util.ArrayList<>(List.of(run.stdout(), run.stderr()));
        all.addAll(filesUnder(sandbox.home()));
        return all;
    }

    private static void assertNoSecretShapedToken(String text) {
        Matcher m = SECRET_SHAPED.matcher(text);
        while (m.find()) {
            String token = m.group();
            boolean mixedCase = !token.equals(token.toLowerCase()) && !token.equals(token.toUpperCase());
            assertThat(mixedCase).as("secret-shaped token %s", token).isFalse();
        }
    }

    /** Every file under a folder (the journal, its WAL, config, history), read as Latin-1 text. */
    private static List<String> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> journalsUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals("jobs.db"))
                    .toList();
        }
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
