package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering jimeng with an agent, and the description of every command for agents that call the CLI. */
class CliMcpSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printConfigNamesTheLauncherByItsAbsolutePathForEachClient() throws Exception {
        Path launcher = Files.createFile(dir.resolve("jimeng"));
        CliHarness cli = CliHarness.bare(dir, dir.resolve("home")).with("JIMENG_LAUNCHER", launcher.toString());

        CliRun claude = cli.run("mcp", "--print-config", "claude", "--daily-budget", "20");
        assertThat(claude.exitCode()).as(claude.stderr()).isZero();
        JsonNode server = JSON.readTree(claude.stdout()).at("/mcpServers/jimeng");
        assertThat(server.get("command").asText())
                .isEqualTo(launcher.toAbsolutePath().toString());
        assertThat(strings(server.get("args"))).containsExactly("mcp", "--daily-budget", "20");

        JsonNode cursor = JSON.readTree(
                        cli.run("--sandbox", "mcp", "--print-config", "cursor").stdout())
                .at("/mcpServers/jimeng");
        assertThat(cursor.get("type").asText()).isEqualTo("stdio");
        assertThat(strings(cursor.get("args"))).containsExactly("--sandbox", "mcp");

        JsonNode generic =
                JSON.readTree(cli.run("mcp", "--print-config", "generic").stdout());
        assertThat(generic.get("transport").asText()).isEqualTo("stdio");
        assertThat(generic.get("command").asText())
                .isEqualTo(launcher.toAbsolutePath().toString());

        CliRun unknown = cli.run("mcp", "--print-config", "vim");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr())
                .isEqualTo("jimeng: unknown client 'vim' for --print-config: use one of claude, cursor, generic\n");
    }

    @Test
    void withoutTheLauncherTheConfigStartsThisJvmOnThisJarByAbsolutePaths() throws Exception {
        CliRun run = CliHarness.bare(dir, dir.resolve("home")).run("mcp", "--print-config", "claude");
        JsonNode server = JSON.readTree(run.stdout()).at("/mcpServers/jimeng");
        assertThat(Path.of(server.get("command").asText())).isAbsolute();
        List<String> args = strings(server.get("args"));
        assertThat(args).contains("-jar").endsWith("mcp");
        assertThat(Path.of(args.get(args.indexOf("-jar") + 1))).isAbsolute();
    }

    @Test
    void schemaDescribesEveryCommandOptionAndToolWithTypes() throws Exception {
        CliRun run = CliHarness.bare(dir, dir.resolve("home")).run("schema", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode schema = JSON.readTree(run.stdout());
        JsonNode root = schema.get("command");
        assertThat(root.get("name").asText()).isEqualTo("jimeng");
        List<String> commands = new ArrayList<>();
        root.get("subcommands").forEach(c -> commands.add(c.get("name").asText()));
        assertThat(commands)
                .contains(
                        "jimeng generate",
                        "jimeng wait",
                        "jimeng cancel",
                        "jimeng mcp",
                        "jimeng schema",
                        "jimeng sandbox")
                .doesNotHaveDuplicates();
        JsonNode generate = command(root, "jimeng generate");
        assertThat(option(generate, "--duration").get("type").asText()).isEqualTo("integer");
        assertThat(option(generate, "--max-cost").get("type").asText()).isEqualTo("number");
        assertThat(option(generate, "--json").get("type").asText()).isEqualTo("boolean");
        assertThat(option(generate, "--mode").get("type").asText()).isEqualTo("string");
        assertThat(generate.at("/parameters/0/label").asText()).isEqualTo("PROMPT");
        List<String> tools = new ArrayList<>();
        schema.get("mcp_tools").forEach(t -> tools.add(t.get("name").asText()));
        assertThat(tools)
                .containsExactly(
                        "quote",
                        "generate",
                        "status",
                        "wait",
                        "result",
                        "jobs",
                        "cancel",
                        "download",
                        "spend",
                        "modes");
        assertThat(schema.at("/mcp_tools/1/input_schema/properties/mode/enum")).hasSize(8);
    }

    private static JsonNode command(JsonNode root, String name) {
        for (JsonNode c : root.get("subcommands")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no command " + name);
    }

    private static JsonNode option(JsonNode command, String name) {
        for (JsonNode o : command.get("options")) {
            if (strings(o.get("names")).contains(name)) {
                return o;
            }
        }
        throw new AssertionError("no option " + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
