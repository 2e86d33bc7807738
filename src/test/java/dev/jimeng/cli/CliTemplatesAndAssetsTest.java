package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jimeng.json.Json;
import dev.jimeng.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompt templates and image assets end to end against the real sandbox: the sandbox receives the
 * rendered prompt and the aliased image; the sidecar and inspect say which template made the video;
 * every bad name is one line, with the closest name, and sends nothing.
 */
class CliTemplatesAndAssetsTest {
    private static final Pattern SAVED = Pattern.compile("Save Path: (\\S+\\.mp4)");

    private static SandboxServer server;

    @TempDir
    static Path cwd;

    @TempDir
    static Path home;

    private static Path hero;

    @BeforeAll
    static void saveAnAssetAndATemplate() {
        server = CliSandbox.start();
        hero = Fixtures.png(cwd, "hero.png", 640, 360);
        CliRun add = run("asset", "add", "hero", "hero.png");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.stdout()).isEqualTo("@hero = " + hero + "\n");
        CliRun save = run(
                "template",
                "save",
                "turn",
                "{{who}} turns to the camera, {{mood=calm}} light",
                "-m",
                "i2v_first_720p",
                "-i",
                "@hero",
                "--seed",
                "42");
        assertThat(save.exitCode()).as(save.toString()).isZero();
        assertThat(save.stdout()).contains("saved template turn (who, mood=calm)", "generate -t turn --var who=…");
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }

    private static CliRun run(String... args) {
        return CliHarness.against(server, cwd, home).run(args);
    }

    @Test
    void theSandboxGetsTheRenderedPromptAndTheAliasedImage() throws Exception {
        CliRun run = run("generate", "-t", "turn", "--var", "who=she", "-d", "10");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode body = CliSandbox.submitBodies(server).getLast();
        assertThat(body.path("prompt").asText()).isEqualTo("she turns to the camera, calm light");
        assertThat(body.path("req_key").asText()).isEqualTo("jimeng_i2v_first_v30");
        assertThat(body.path("seed").asLong()).isEqualTo(42); // the template's option
        assertThat(body.path("frames").asInt()).isEqualTo(241); // the typed option
        String heroBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(hero));
        assertThat(body.path("binary_data_base64").get(0).asText())
                .isEqualTo("<" + heroBase64.length() + " base64 chars>");

        Matcher saved = SAVED.matcher(run.stdout());
        assertThat(saved.find()).isTrue();
        Path video = Path.of(saved.group(1));
        JsonNode sidecar = Json.MAPPER.readTree(Files.readString(video.resolveSibling(video.getFileName() + ".json")));
        assertThat(sidecar.path("prompt").asText()).isEqualTo("she turns to the camera, calm light");
        assertThat(sidecar.path("prompt_template").path("name").asText()).isEqualTo("turn");
        assertThat(sidecar.path("prompt_template").path("variables").toString())
                .isEqualTo("{\"who\":\"she\",\"mood\":\"calm\"}");
        assertThat(sidecar.path("images").get(0).path("source").asText()).isEqualTo(hero.toString());

        // inspect names the template and prints a command that, dry-run, sends the same body
        CliRun inspect = run("inspect", video.toString());
        assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
        assertThat(inspect.stdout()).contains("  from template turn (who=she, mood=calm)");
        List<String> words = ShellWords.split(
                inspect.stdout().strip().lines().toList().getLast().strip());
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        args.addAll(List.of("--dry-run", "--json"));
        int submits = server.submitCount();
        CliRun dry = run(args.toArray(String[]::new));
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(server.submitCount()).isEqualTo(submits);
        JsonNode job = Json.MAPPER.readTree(dry.stdout()).path("jobs").get(0);
        assertThat(job.path("prompt").asText()).isEqualTo(body.path("prompt").asText());
        assertThat(job.path("seed").asLong()).isEqualTo(42);
        assertThat(job.path("frames").asInt()).isEqualTo(241);
    }

    @Test
    void aMatrixInAVariableIsOneConfirmedSetInADryRun() throws Exception {
        int submits = server.submitCount();
        CliRun dry =
                run("generate", "-t", "turn", "--var", "who=he", "--var", "mood={warm|cold}", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(server.submitCount()).isEqualTo(submits);
        List<String> prompts = new ArrayList<>();
        Json.MAPPER
                .readTree(dry.stdout())
                .path("jobs")
                .forEach(j -> prompts.add(j.path("prompt").asText()));
        assertThat(prompts).containsExactly("he turns to the camera, warm light", "he turns to the camera, cold light");
    }

    @Test
    void variantsChooseTheSeedsOverATemplatesSavedSeed() throws Exception {
        CliRun dry = run("generate", "-t", "turn", "--var", "who=he", "--seeds", "7,8", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        List<Long> seeds = new ArrayList<>();
        Json.MAPPER
                .readTree(dry.stdout())
                .path("jobs")
                .forEach(j -> seeds.add(j.path("seed").asLong()));
        assertThat(seeds).containsExactly(7L, 8L);
    }

    @Test
    void badTemplateUsesAreOneLineAndSendNothing() {
        int submits = server.submitCount();
        assertOneLine(run("generate", "-t", "turn"), "jimeng: template turn needs who: give --var who=…");
        assertOneLine(
                run("generate", "-t", "turn", "--var", "who=x", "--var", "mod=warm"),
                "jimeng: template turn has no variable 'mod'; did you mean 'mood'? it has: who, mood");
        assertOneLine(
                run("generate", "-t", "trun", "--var", "who=x"),
                "jimeng: no template 'trun'; did you mean 'turn'? 'jimeng template list' shows them");
        assertOneLine(
                run("generate", "a fox", "--var", "who=x"),
                "jimeng: --var fills a template's {{variables}}: name the template with -t NAME");
        assertOneLine(
                run("generate", "a fox", "-t", "turn"),
                "jimeng: a PROMPT and -t turn both give the prompt: give one of them (--var fills the template)");
        assertOneLine(
                run("submit", "-t", "turn", "--var", "who=x", "-i", "@heor"),
                "jimeng: --image @heor is no asset; did you mean @hero? 'jimeng asset list' shows them");
        assertThat(server.submitCount()).isEqualTo(submits);
    }

    @Test
    void anAssetWhoseFileHasGoneSaysSoAndIsMarked() throws Exception {
        Path gone = Fixtures.png(cwd, "gone.png", 400, 400);
        assertThat(run("asset", "add", "gone", gone.toString()).exitCode()).isZero();
        Files.delete(gone);
        int submits = server.submitCount();
        assertOneLine(
                run("generate", "x", "-m", "i2v_first_720p", "-i", "@gone"),
                "jimeng: --image @gone is " + gone + ", which is gone; point it at a file again with"
                        + " 'jimeng asset add gone FILE'");
        assertThat(server.submitCount()).isEqualTo(submits);
        assertThat(run("asset", "list").stdout())
                .contains("@gone  " + gone + "  (gone: 'jimeng asset add gone FILE')")
                .contains("@hero  " + hero + "\n");
        assertThat(run("asset", "rm", "gone").exitCode()).isZero();
        assertOneLine(run("asset", "rm", "gone"), "jimeng: no asset 'gone'; 'jimeng asset list' shows them");
    }

    @Test
    void assetsMustBeImagesAndNamesMustBePlainWords() throws Exception {
        Files.writeString(cwd.resolve("notes.png"), "hello");
        assertThat(run("asset", "add", "notes", "notes.png").onlyErrorLine())
                .contains("notes.png is not a JPEG or PNG image");
        assertThat(run("asset", "add", "x", "missing.png").onlyErrorLine())
                .contains("no file " + cwd.resolve("missing.png"));
        assertThat(run("asset", "add", "../up", "hero.png").onlyErrorLine())
                .isEqualTo("jimeng: asset name '../up' is not allowed; use letters, digits, _ and - (a letter or digit"
                        + " first, at most 64)");
        assertThat(run("template", "save", "a/b", "x").onlyErrorLine()).contains("template name 'a/b' is not allowed");
        assertThat(run("template", "save", "bad", "a {{fox").onlyErrorLine())
                .contains("template bad has a '{{' at character 3 that is not a variable");
        assertThat(Files.readString(home.resolve("templates.toml"))).doesNotContain("bad", "a/b");
    }

    @Test
    void templatesAreListedShownAndRemoved() {
        assertThat(run("template", "save", "ad", "a {{product}} on {{surface=marble}}", "-d", "10")
                        .exitCode())
                .isZero();
        CliRun list = run("template", "list");
        assertThat(list.stdout())
                .contains("ad    [product, surface=marble]  a {{product}} on {{surface=marble}}")
                .contains("turn  [who, mood=calm]  {{who}} turns");
        CliRun show = run("template", "show", "ad");
        assertThat(show.stdout())
                .contains("  variables  product (required), surface = marble")
                .contains("  options    -d 10")
                .contains("  jimeng generate -t ad --var product=…");
        assertThat(run("template", "rm", "ad").exitCode()).isZero();
        assertOneLine(run("template", "show", "ad"), "jimeng: no template 'ad'; 'jimeng template list' shows them");
    }

    @Test
    void aBatchLineTakesAnAssetAndTheSandboxGetsItsFile() throws Exception {
        Path sub = Files.createDirectories(cwd.resolve("batches"));
        Path file = Files.writeString(
                sub.resolve("jobs.jsonl"),
                "{\"prompt\":\"she waves\",\"mode\":\"i2v_first_720p\",\"image\":\"@hero\"}\n");
        int submits = server.submitCount();
        CliRun run = run("batch", file.toString(), "--yes");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(server.submitCount()).isEqualTo(submits + 1);
        JsonNode body = CliSandbox.submitBodies(server).getLast();
        assertThat(body.path("prompt").asText()).isEqualTo("she waves");
        String heroBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(hero));
        assertThat(body.path("binary_data_base64").get(0).asText())
                .isEqualTo("<" + heroBase64.length() + " base64 chars>");

        Files.writeString(file, "{\"prompt\":\"x\",\"mode\":\"i2v_first_720p\",\"image\":\"@heor\"}\n");
        CliRun bad = run("batch", file.toString(), "--yes");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.stderr()).contains("line 1:", "@heor is no asset; did you mean @hero?");
        assertThat(server.submitCount()).isEqualTo(submits + 1);
    }

    @Test
    void aHandEditedTemplatesControlCharactersAreShownNotActedOn() throws Exception {
        Path file = home.resolve("templates.toml");
        Files.writeString(file, Files.readString(file) + "\n[template.bell]\nprompt = \"x {{a=\\u0007\\u001b[2J}}\"\n");
        CliRun list = run("template", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).contains("bell").doesNotContain("\u0007", "\u001b");
        CliRun show = run("template", "show", "bell");
        assertThat(show.stdout()).doesNotContain("\u0007", "\u001b");
        assertThat(run("template", "rm", "bell").exitCode()).isZero();
    }

    private static void assertOneLine(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.onlyErrorLine()).isEqualTo(line);
    }
}
