package dev.jimeng.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.json.Json;
import dev.jimeng.mcp.ToolSpecs;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;

/** Every command, option and MCP tool with its types: for agents that call the CLI directly. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  jimeng schema --json"},
        description = "Describe every command, option and MCP tool with types (for agents and scripts).")
public final class SchemaCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document (the default is a short list).")
    boolean json;

    @Override
    protected ExitCode doCall() throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("command", command(CommandTree.model()));
        ArrayNode tools = root.putArray("mcp_tools");
        for (ToolSpecs.Spec tool : ToolSpecs.all()) {
            ObjectNode t = tools.addObject();
            t.put("name", tool.name());
            t.put("description", tool.description());
            t.set("input_schema", Json.MAPPER.valueToTree(tool.inputSchema()));
        }
        if (json) {
            out().println(Json.printer().writeValueAsString(root));
        } else {
            list(CommandTree.model(), "");
            ToolSpecs.all().forEach(t -> out().println("mcp tool " + t.name()));
        }
        out().flush();
        return ExitCode.OK;
    }

    /** A command and, recursively, its subcommands. */
    private static ObjectNode command(CommandSpec command) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("name", command.qualifiedName());
        ArrayNode aliases = c.putArray("aliases");
        for (String alias : command.aliases()) {
            aliases.add(alias);
        }
        c.put("description", String.join(" ", command.usageMessage().description()));
        ArrayNode options = c.putArray("options");
        for (OptionSpec option : command.options()) {
            ObjectNode o = argument(option);
            ArrayNode names = o.putArray("names");
            for (String name : option.names()) {
                names.add(name);
            }
            o.put("required", option.required());
            options.add(o);
        }
        ArrayNode positionals = c.putArray("parameters");
        for (PositionalParamSpec p : command.positionalParameters()) {
            ObjectNode o = argument(p);
            o.put("index", p.index().toString());
            positionals.add(o);
        }
        ArrayNode subcommands = c.putArray("subcommands");
        command.subcommands().values().stream()
                .map(sub -> sub.getCommandSpec())
                .distinct() // aliases map to the same command
                .forEach(sub -> subcommands.add(command(sub)));
        return c;
    }

    private static ObjectNode argument(ArgSpec arg) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("label", arg.paramLabel());
        o.put("type", jsonType(arg));
        o.put("arity", arg.arity().toString());
        o.put("description", String.join(" ", arg.description()));
        if (arg.defaultValue() != null) {
            o.put("default", arg.defaultValue());
        }
        return o;
    }

    /** The JSON type of what the argument takes. */
    private static String jsonType(ArgSpec arg) {
        Class<?> type = arg.type();
        if (arg.isMultiValue() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return "number";
        }
        return "string";
    }

    private void list(CommandSpec command, String indent) {
        out().println(indent + command.qualifiedName() + "  "
                + command.options().stream()
                        .map(o -> o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : ""))
                        .reduce((a, b) -> a + " " + b)
                        .orElse(""));
        command.subcommands().values().stream()
                .map(sub -> sub.getCommandSpec())
                .distinct()
                .forEach(sub -> list(sub, indent + "  "));
    }
}
