package dev.jimeng.cli;

import dev.jimeng.app.ExitCode;
import dev.jimeng.app.UserError;
import dev.jimeng.config.Setting;
import dev.jimeng.mcp.ClientConfig;
import dev.jimeng.mcp.JimengMcpServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves jimeng to an AI agent over stdio (Model Context Protocol), or prints how to register it. */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  jimeng mcp --daily-budget 20",
            "  jimeng mcp --print-config claude",
            "  jimeng --sandbox mcp"
        },
        description = {
            "Serve jimeng's tools to an AI agent over stdio (Model Context Protocol), sharing the journal,"
                    + " settings and caps with the CLI, the shell and the panel.",
            "A submit needs max_cost or a budget: the caps in config.toml, or the options below."
        })
public final class McpCommand extends BaseCommand {
    @Option(
            names = "--print-config",
            paramLabel = "CLIENT",
            description = "Print the JSON that registers jimeng with an agent: claude, cursor or generic.")
    String printConfig;

    @Option(
            names = "--max-cost-per-job",
            paramLabel = "CNY",
            description = "For this server: refuse a job whose estimated cost is above CNY.")
    String maxCostPerJob;

    @Option(
            names = "--daily-budget",
            paramLabel = "CNY",
            description = "For this server: refuse a submit that would take today's estimated spend above CNY.")
    String dailyBudget;

    @Option(
            names = "--monthly-budget",
            paramLabel = "CNY",
            description = "For this server: refuse a submit that would take this month's estimated spend above CNY.")
    String monthlyBudget;

    @Override
    protected ExitCode doCall() throws Exception {
        if (printConfig != null) {
            out().print(ClientConfig.snippet(
                    printConfig, ClientConfig.launcher(app().env().variables()), serverArguments()));
            out().flush();
            return ExitCode.OK;
        }
        if (root().interactive()) {
            throw new UserError(
                    ExitCode.BAD_INPUT,
                    "mcp serves an AI agent over stdin/stdout: register 'jimeng mcp' with the agent"
                            + " ('jimeng mcp --print-config claude' prints how)");
        }
        // stdout carries protocol messages only: whatever else would print there goes to stderr
        PrintStream protocol = app().env().out();
        PrintStream log = app().env().err();
        System.setOut(log);
        budgets().forEach((setting, value) -> {
            try {
                app().set(setting.key(), value);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCode.BAD_INPUT, "--" + setting.key() + ": " + e.getMessage());
            }
        });
        JimengMcpServer.serve(
                app(),
                dev.jimeng.config.JimengVersion.shortVersion(),
                app().env().in(),
                protocol,
                log);
        return ExitCode.OK;
    }

    private Map<Setting, String> budgets() {
        Map<Setting, String> budgets = new LinkedHashMap<>();
        if (maxCostPerJob != null) {
            budgets.put(Setting.MAX_COST_PER_JOB, maxCostPerJob);
        }
        if (dailyBudget != null) {
            budgets.put(Setting.DAILY_BUDGET, dailyBudget);
        }
        if (monthlyBudget != null) {
            budgets.put(Setting.MONTHLY_BUDGET, monthlyBudget);
        }
        return budgets;
    }

    /** The words after the launcher that start this server as configured now. */
    private List<String> serverArguments() {
        List<String> args = new ArrayList<>();
        if (root().sandbox()) {
            args.add("--sandbox");
        }
        args.add("mcp");
        budgets().forEach((setting, value) -> {
            args.add("--" + setting.key());
            args.add(value);
        });
        return args;
    }
}
