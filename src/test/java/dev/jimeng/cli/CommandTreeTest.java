package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jimeng.app.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A one-shot run builds only the subcommand it names, and nobody can tell from its output. */
class CommandTreeTest {
    @TempDir
    Path dir;

    private static JimengCommand root() {
        return new JimengCommand(
                cmd -> {
                    throw new AssertionError("no app for help");
                },
                cmd -> 0);
    }

    private static String usage(CommandLine cl) {
        StringWriter text = new StringWriter();
        cl.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        CommandLine cl = CommandTree.forArgs(root(), new String[] {"--sandbox", "jobs", "--json"});

        assertThat((Object) cl.getSubcommands().get("jobs").getCommand()).isInstanceOf(JobsCommand.class);
        assertThat(cl.getSubcommands()).doesNotContainKey("generate");
    }

    @Test
    void theShellsStartAndVersionBuildNoSubcommandAtAll() {
        assertThat(CommandTree.forArgs(root(), new String[] {}).getSubcommands())
                .isEmpty();
        assertThat(CommandTree.forArgs(root(), new String[] {"--sandbox", "--version"})
                        .getSubcommands())
                .isEmpty();
    }

    @Test
    void theHelpCommandListsEveryCommandAsTheRootsUsageDoes() {
        String full = usage(CommandTree.full(root()));

        assertThat(usage(CommandTree.forArgs(root(), new String[] {"help"}))).isEqualTo(full);
    }

    @Test
    void theRootsUsageListsEveryCommandAsTheFullTreeDoes() {
        String full = usage(CommandTree.full(root()));

        assertThat(usage(CommandTree.forArgs(root(), new String[] {"--help"}))).isEqualTo(full);
        assertThat(full).contains("generate").contains("sandbox");
    }

    @Test
    void aSubcommandsUsageIsTheFullTreesUsage() {
        String full = usage(CommandTree.full(root()).getSubcommands().get("generate"));

        assertThat(usage(CommandTree.forArgs(root(), new String[] {"generate", "--help"})
                        .getSubcommands()
                        .get("generate")))
                .isEqualTo(full);
    }

    @Test
    void aMistypedCommandStillGetsDidYouMean() {
        CliRun run = CliHarness.bare(dir, dir.resolve("home")).run("jobz");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.onlyErrorLine()).contains("did you mean").contains("jobs");
    }

    @Test
    void anArgumentFileGetsTheWholeTree() {
        CommandLine cl = CommandTree.forArgs(root(), new String[] {"@args.txt"});

        assertThat((Object) cl.getSubcommands().get("generate").getCommand()).isInstanceOf(GenerateCommand.class);
    }

    @Test
    void theModelForDescribingCommandsHasEveryCommandBuilt() {
        assertThat(CommandTree.model().subcommands().values().stream().distinct()) // aliases repeat one
                .hasSize(JimengCommand.SUBCOMMANDS.size())
                .allSatisfy(sub -> assertThat((Object) sub.getCommand()).isNotNull());
    }
}
