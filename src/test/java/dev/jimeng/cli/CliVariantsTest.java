package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sets of videos from one request, end to end against the sandbox, counting what it received. */
class CliVariantsTest {
    private static final Pattern GROUP = Pattern.compile("group (\\w{8}): ((?:\\w{8} ?)+)");
    private static final Pattern SHEET = Pattern.compile("contact sheet: (\\S+\\.html)");

    @RegisterExtension
    static final CliSandbox sandbox = CliSandbox.perClass();

    @BeforeEach
    void pointJimengAtTheSandbox() {
        sandbox.jimeng()
                .with("JIMENG_OUTPUT_DIR", sandbox.cwd().resolve("videos").toString());
    }

    @Test
    void aPromptMatrixTimesSeedsIsEveryCombinationSentAsOneGroupWithAContactSheet() throws Exception {
        CliRun run = sandbox.jimeng().run("generate", "a {red|blue} fox in {snow|rain}", "--seeds", "1,2", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(sandbox.server().submitCount() - sandbox.submitsBefore()).isEqualTo(8);
        List<JsonNode> bodies = sent();
        assertThat(bodies.stream()
                        .map(b ->
                                b.path("prompt").asText() + "/" + b.path("seed").asLong()))
                .containsExactlyInAnyOrder(
                        "a red fox in snow/1",
                        "a red fox in snow/2",
                        "a red fox in rain/1",
                        "a red fox in rain/2",
                        "a blue fox in snow/1",
                        "a blue fox in snow/2",
                        "a blue fox in rain/1",
                        "a blue fox in rain/2");
        assertThat(run.stderr()).contains("8 jobs: 8 × t2v_720p 5 s");
        Matcher group = GROUP.matcher(run.stderr());
        assertThat(group.find()).as(run.stderr()).isTrue();
        List<String> ids = List.of(group.group(2).strip().split(" "));
        assertThat(ids).hasSize(8);

        Matcher sheet = SHEET.matcher(run.stdout());
        assertThat(sheet.find()).as(run.stdout()).isTrue();
        Path page = Path.of(sheet.group(1));
        assertThat(page.getFileName().toString()).isEqualTo("group-" + group.group(1) + ".html");
        String html = Files.readString(page);
        assertThat(html.split("<article class=\"card", -1)).hasSize(9);
        assertThat(html).contains("jimeng contact sheet · group " + group.group(1));

        CliRun pick = sandbox.jimeng().run("pick", ids.get(3));
        assertThat(pick.stdout()).isEqualTo(ids.get(3) + " picked as the winner of group " + group.group(1) + "\n");
        sandbox.jimeng().run("pick", ids.get(5));
        CliRun again = sandbox.jimeng().run("gallery", "--group", group.group(1));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        html = Files.readString(page);
        assertThat(html.split("<article class=\"card picked\" data-id=\"" + ids.get(5) + "\"", -1))
                .as("the last pick wins")
                .hasSize(2);
        assertThat(html.split("card picked", -1)).hasSize(2);
    }

    @Test
    void variantsSendDifferentRecordedSeeds() throws Exception {
        CliRun run = sandbox.jimeng().run("generate", "a fox", "--variants", "3", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Long> seeds = sent().stream().map(b -> b.path("seed").asLong()).toList();
        assertThat(seeds).hasSize(3).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s)
                .isBetween(0L, (long) Integer.MAX_VALUE));
        Matcher group = GROUP.matcher(run.stderr());
        assertThat(group.find()).isTrue();
        for (String id : group.group(2).strip().split(" ")) {
            JsonNode job = dev.jimeng.json.Json.MAPPER.readTree(
                    sandbox.jimeng().run("show", id, "--json").stdout());
            assertThat(seeds).contains(job.path("seed").asLong());
        }
    }

    @Test
    void jobsShowAndJsonNameTheGroupItsSiblingsAndThePick() throws Exception {
        CliRun run = sandbox.jimeng().run("generate", "a fox", "--variants", "3", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher set = GROUP.matcher(run.stderr());
        assertThat(set.find()).isTrue();
        String group = set.group(1);
        List<String> ids = List.of(set.group(2).strip().split(" "));
        sandbox.jimeng().run("submit", "a lone heron");
        sandbox.jimeng().run("pick", ids.get(1));

        CliRun list = sandbox.jimeng().run("jobs");
        assertThat(list.stdout().lines().toList().getFirst()).startsWith("ID       GROUP     MODE");
        assertThat(list.stdout().lines().toList())
                .anySatisfy(l -> assertThat(l).startsWith(ids.get(1) + " " + group + "* "))
                .anySatisfy(l -> assertThat(l).startsWith(ids.get(0) + " " + group + "  "))
                .anySatisfy(l -> assertThat(l).contains(" -  ").contains("a lone heron"));

        CliRun members = sandbox.jimeng().run("jobs", "--group", group);
        assertThat(members.exitCode()).as(members.toString()).isZero();
        assertThat(members.stdout().lines().toList()).hasSize(4);
        assertThat(members.stdout().lines().toList().subList(1, 4))
                .extracting(l -> l.substring(0, 8))
                .containsExactlyElementsOf(ids);
        assertThat(sandbox.jimeng().run("jobs", "--group", "zzzzzzzz").onlyErrorLine())
                .contains("no group 'zzzzzzzz'", "'jobs' shows each job's group");
        assertThat(sandbox.jimeng()
                        .run("jobs", "--group", group, "--status", "done")
                        .onlyErrorLine())
                .contains("--group lists a whole set");

        CliRun show = sandbox.jimeng().run("show", ids.get(0));
        assertThat(show.stdout())
                .contains("  group         " + group + " (3 jobs)\n")
                .contains("  siblings      " + ids.get(1) + " done (picked), " + ids.get(2) + " done\n");

        JsonNode json = dev.jimeng.json.Json.MAPPER.readTree(
                sandbox.jimeng().run("show", ids.get(1), "--json").stdout());
        assertThat(json.path("group_id").asText()).isEqualTo(group);
        assertThat(json.path("picked").asBoolean()).isTrue();
        JsonNode all = dev.jimeng.json.Json.MAPPER.readTree(
                sandbox.jimeng().run("jobs", "--json").stdout());
        assertThat(all).hasSize(4);
        assertThat(all.get(0).get("group_id").isNull()).as("the lone job").isTrue();
        assertThat(all.get(0).path("picked").asBoolean(true)).isFalse();
    }

    @Test
    void theSetIsQuotedCappedAndConfirmedAsOne() {
        CliRun no = sandbox.jimeng().typing("n\n").run("generate", "a fox", "--variants", "2");
        assertThat(no.exitCode()).isEqualTo(2);
        assertThat(no.stderr()).contains("2 jobs: 2 × t2v_720p 5 s").contains("Send them? [y/N]");
        assertThat(no.stderrLines().getLast()).contains("nothing was sent");

        CliRun capped = sandbox.jimeng().run("generate", "a {red|blue} fox", "--seeds", "1,2", "--max-cost", "5");
        assertThat(capped.exitCode()).isEqualTo(2);
        assertThat(capped.stderr()).doesNotContain("Send them?");

        CliRun dry = sandbox.jimeng().run("generate", "a {red|blue} fox", "--variants", "2", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.stdout()).contains("\"line\" : 4").doesNotContain("\"seed\" : -1");
        assertThat(dry.stdout().split("\"prompt\" : \"a red fox\"", -1)).hasSize(3);
        assertThat(dry.stdout().split("\"prompt\" : \"a blue fox\"", -1)).hasSize(3);
        assertThat(sandbox.server().submitCount()).isEqualTo(sandbox.submitsBefore());
    }

    @Test
    void conflictingSeedOptionsAndAPickOutsideASetAreOneLineErrors() {
        assertThat(sandbox.jimeng()
                        .run("generate", "a fox", "--variants", "2", "--seed", "3")
                        .onlyErrorLine())
                .contains("--seed and --variants/--seeds both choose seeds");
        assertThat(sandbox.jimeng()
                        .run("generate", "a fox", "--variants", "2", "--seeds", "3")
                        .onlyErrorLine())
                .contains("--variants and --seeds both choose seeds");
        CliRun single = sandbox.jimeng().run("submit", "a lone fox");
        Matcher id = Pattern.compile("job (\\w{8}) submitted").matcher(single.stderr());
        assertThat(id.find()).as(single.toString()).isTrue();
        assertThat(sandbox.jimeng().run("pick", id.group(1)).onlyErrorLine()).contains("is in no set");
        assertThat(sandbox.server().submitCount()).isEqualTo(sandbox.submitsBefore() + 1);
    }

    private List<JsonNode> sent() {
        List<JsonNode> all = CliSandbox.submitBodies(sandbox.server());
        return all.subList(sandbox.submitsBefore(), all.size());
    }
}
